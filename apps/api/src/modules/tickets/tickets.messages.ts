import { defineMessages, intlLocale, type Lang } from '../../infra/messages.ts';

/*
 * What the service centre tells people, per reader's language (the seam's catalogue shape): one
 * entry per notice kind, each with an ICU MessageFormat title and body. Params are facts: the ticket
 * number, its headline, the company, the kind (worded here per language through `select`).
 */

const kindEn = '{kind, select, INQUIRY {inquiry} SUGGESTION {suggestion} COMPLAINT {complaint} other {ticket}}';
const kindZh = '{kind, select, INQUIRY {咨询} SUGGESTION {建议} COMPLAINT {投诉} other {工单}}';

export const ticketMessages = defineMessages({
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
});

export type TicketNoticeKind = keyof (typeof ticketMessages)['en'];

/** An instant as the service centre reads it: in Beijing time, said so, in the reader's language. */
export function beijingTime(at: Date): (lang: Lang) => string {
  return (lang) => {
    const when = new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
    return `${when.format(at)}${lang === 'zh' ? '（北京时间）' : ' (Beijing time)'}`;
  };
}
