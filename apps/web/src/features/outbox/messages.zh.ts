import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'outbox.title': '投递问题',
  'outbox.intro': '被永久拒收（暂存）或持续失败（卡住）的邮件和搜索更新。不会丢弃：暂存的等待您决定，卡住的会一直重试直到送达。',
  'outbox.empty': '没有暂存或卡住的事件：所有邮件和搜索更新均已送达或正在投递。',
  'outbox.what': '内容',
  'outbox.channel': '类型',
  'outbox.state': '状态',
  'outbox.attempts': '尝试次数',
  'outbox.lastError': '最后错误',
  'outbox.since': '排队时间',
  'outbox.next': '下次尝试',
  'outbox.held': '暂存',
  'outbox.stuck': '重试中',
  'outbox.retry': '立即重试',
  'outbox.discard': '放弃',
  'outbox.confirmDiscard': '放弃此事件？它将不会被投递；审计日志会记录决定人。',
  'outbox.mail': '邮件',
  'outbox.search': '搜索',
  'outbox.actions': '操作',
};
