import type { Locale } from '../../../lib/i18n.tsx';

// This page's own words, kept beside it (administrators only; the shared dictionary stays lean).
const en = {
  title: 'Delivery problems',
  intro: 'Mail and search updates that were refused for good (held) or keep failing (stuck). Nothing is dropped: held ones wait for your decision, stuck ones are retried until they go out.',
  empty: 'Nothing held or stuck: every mail and search update was delivered or is on its way.',
  what: 'What',
  channel: 'Channel',
  state: 'State',
  attempts: 'Attempts',
  lastError: 'Last error',
  since: 'Queued',
  next: 'Next try',
  held: 'Held',
  stuck: 'Retrying',
  retry: 'Retry now',
  discard: 'Discard',
  confirmDiscard: 'Discard this event? It will not be delivered; the audit log keeps who decided.',
  mail: 'Mail',
  search: 'Search',
};
const zh: typeof en = {
  title: '投递问题',
  intro: '被永久拒收（暂存）或持续失败（卡住）的邮件和搜索更新。不会丢弃：暂存的等待您决定，卡住的会一直重试直到送达。',
  empty: '没有暂存或卡住的事件：所有邮件和搜索更新均已送达或正在投递。',
  what: '内容',
  channel: '类型',
  state: '状态',
  attempts: '尝试次数',
  lastError: '最后错误',
  since: '排队时间',
  next: '下次尝试',
  held: '暂存',
  stuck: '重试中',
  retry: '立即重试',
  discard: '放弃',
  confirmDiscard: '放弃此事件？它将不会被投递；审计日志会记录决定人。',
  mail: '邮件',
  search: '搜索',
};

export function outboxMessages(locale: Locale) {
  return locale === 'zh-CN' ? zh : en;
}
