import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'overview.welcome': '欢迎，{name}',
  'overview.companyStatus': '公司状态',
  'overview.pending': '贵公司正在等待销售经理审批。审批期间可浏览产品，获批后我们会邮件通知您发送询盘。',
  'overview.approved': '贵公司已获批，可通过门户开展业务。',
  'overview.rejected': '贵公司的注册未获批准。',
  'overview.suspended': '贵公司在门户上的交易已被暂停。',
  'overview.reason': '原因：{reason}',
  'overview.recent': '最新通知',
  'overview.noNotifications': '暂无通知。公司、报价和订单的动态会显示在这里。',
  'overview.pendingCompanies': '{count, number} 家采购商公司待审批',
  'overview.noPending': '没有待审批的采购商公司。',
  'overview.review': '去审批',
  'overview.yourRole': '当前身份：{role}',
};
