import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'settings.title': "业务设置",
  'settings.responseTarget': "询盘响应时限（小时）",
  'settings.responseTargetHint': "超过此时限未回复的询盘在收件箱中标为超时。",
  'settings.marginFloor': "最低利润率（%）",
  'settings.marginFloorHint': "报价行利润率低于此值须经理审批；产品可设置更高的底线，不能更低。",
  'settings.validity': "报价默认有效期（天）",
  'settings.incoterms': "我方报价的贸易术语",
  'settings.incotermsHint': "询盘表单只提供这些术语，其他术语的询盘将被拒绝。请选择成本核算可以报价的术语：FOB、CFR、CIF 及对应的 FCA、CPT、CIP，以及 EXW。",
};
