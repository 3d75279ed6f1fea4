/*
 * What the service centre tells people, per reader's language (the seam's catalogue shape): one
 * entry per notice kind, each with an ICU MessageFormat title and body. Params are facts: the ticket
 * number, its headline, the company, the kind (worded here per language through `select`).
 */

const kindEn = '{kind, select, INQUIRY {inquiry} SUGGESTION {suggestion} COMPLAINT {complaint} other {ticket}}';
const kindZh = '{kind, select, INQUIRY {咨询} SUGGESTION {建议} COMPLAINT {投诉} other {工单}}';

export const ticketMessages = {
  en: {
    'tickets.opened': {
      title: `New ${kindEn} {number} from {company}`,
      body: '“{subject}”. Response due by {dueAt}.',
    },
    'tickets.assigned': {
      title: 'Ticket {number} is assigned to you',
      body: '{company}: “{subject}”.',
    },
    'tickets.replied': {
      title: 'We answered your ticket {number}',
      body: '“{subject}”: {excerpt}',
    },
    'tickets.infoRequested': {
      title: 'Ticket {number}: we need more information from you',
      body: '{excerpt} Please reply in the portal; we continue as soon as you answer.',
    },
    'tickets.customerReplied': {
      title: '{company} replied to ticket {number}',
      body: '“{subject}”: {excerpt}',
    },
    'tickets.resolved': {
      title: 'Ticket {number} is resolved: please rate our answer',
      body: '{excerpt} If something is still open, simply reply and the ticket reopens.',
    },
    'tickets.closed': {
      title: 'Ticket {number} is closed',
      body: '“{subject}”.',
    },
    'tickets.rated': {
      title: '{company} rated ticket {number}: {rating} of 5',
      body: '{comment}',
    },
  },
  zh: {
    'tickets.opened': {
      title: `{company} 提交了新的${kindZh} {number}`,
      body: '“{subject}”。请于 {dueAt} 前答复。',
    },
    'tickets.assigned': {
      title: '工单 {number} 已分派给您',
      body: '{company}：“{subject}”。',
    },
    'tickets.replied': {
      title: '我们已答复您的工单 {number}',
      body: '“{subject}”：{excerpt}',
    },
    'tickets.infoRequested': {
      title: '工单 {number}：需要您补充信息',
      body: '{excerpt} 请在门户中回复，收到后我们将继续处理。',
    },
    'tickets.customerReplied': {
      title: '{company} 回复了工单 {number}',
      body: '“{subject}”：{excerpt}',
    },
    'tickets.resolved': {
      title: '工单 {number} 已解决：请为我们的答复评分',
      body: '{excerpt} 如仍有问题，直接回复即可重新打开工单。',
    },
    'tickets.closed': {
      title: '工单 {number} 已关闭',
      body: '“{subject}”。',
    },
    'tickets.rated': {
      title: '{company} 为工单 {number} 评分：{rating} 分（满分 5 分）',
      body: '{comment}',
    },
  },
} as const satisfies Record<'en' | 'zh', Record<string, { title: string; body: string }>>;

export type TicketNoticeKind = keyof (typeof ticketMessages)['en'];
/** Facts for a notice; instants are written in the reader's language, in Beijing time (the service centre's clock). */
export type NoticeParams = Record<string, string | number | Date>;

/**
 * Renders an entry for a reader's language until the shared renderer (intl-messageformat) is wired:
 * `{name}` takes a param, `{name, select, A {…} other {…}}` picks by the param's value. The lead
 * swaps this for the common renderer at merge; the catalogue above stays as it is.
 */
export function renderTicketNotice(locale: string, kind: TicketNoticeKind, params: NoticeParams): { title: string; body: string } {
  const entry = (locale.startsWith('zh') ? ticketMessages.zh : ticketMessages.en)[kind];
  const zh = locale.startsWith('zh');
  const when = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
  const written = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v instanceof Date ? `${when.format(v)}${zh ? '（北京时间）' : ' (Beijing time)'}` : v]));
  return { title: fill(entry.title, written), body: fill(entry.body, written) };
}

function fill(pattern: string, params: Record<string, string | number>): string {
  return pattern
    .replace(/\{(\w+), select, ((?:\w+ \{[^{}]*\} ?)+)\}/g, (_m, name: string, cases: string) => {
      const options = new Map([...cases.matchAll(/(\w+) \{([^{}]*)\}/g)].map((c) => [c[1]!, c[2]!]));
      return options.get(String(params[name])) ?? options.get('other') ?? '';
    })
    .replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ''));
}
