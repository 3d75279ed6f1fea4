import { defineMessages } from '../../infra/messages.ts';

/*
 * What claim notices say, per reader's language (ICU MessageFormat, one entry per kind). Params are
 * facts: the claim and contract numbers, the company, the kind, party and settlement (codes, worded
 * here by `select`), amounts as { amount, currency }, the response due time (Beijing time, worded
 * per language), the reason or note given.
 */

const kindEn = '{kind, select, QUALITY {quality} QUANTITY {quantity shortage} DAMAGE {damage in transit} DELAY {late delivery} WRONG_GOODS {wrong goods} DOCUMENTS {documents} other {claim}}';
const kindZh = '{kind, select, QUALITY {质量} QUANTITY {数量短缺} DAMAGE {运输损坏} DELAY {延迟交货} WRONG_GOODS {错发货物} DOCUMENTS {单据} other {索赔}}';
const partyEn = '{party, select, EXPORTER {us, the exporter} FACTORY {our factory} CARRIER {the forwarder or carrier} INSURER {the insurer (an insured loss)} BUYER {your company} other {—}}';
const partyZh = '{party, select, EXPORTER {出口商（我方）} FACTORY {生产工厂} CARRIER {货代或承运人} INSURER {保险公司（保险责任）} BUYER {贵公司} other {—}}';
const settlementEn = '{settlement, select, REFUND {a refund} CREDIT_NOTE {a credit note against a later contract} REPLACEMENT {a replacement shipment} PRICE_DISCOUNT {a price discount} other {a settlement}}';
/** The same at the start of a sentence. */
const SettlementEn = '{settlement, select, REFUND {A refund} CREDIT_NOTE {A credit note against a later contract} REPLACEMENT {A replacement shipment} PRICE_DISCOUNT {A price discount} other {A settlement}}';
const settlementZh = '{settlement, select, REFUND {退款} CREDIT_NOTE {贷记单（抵后续合同）} REPLACEMENT {补发货物} PRICE_DISCOUNT {价格折让} other {理赔}}';

export const claimMessages = defineMessages({
  en: {
    'claims.filed': { title: `New ${kindEn} claim {number} from {company}`, body: '{amount} under contract {contract}. Response due by {dueAt}.', action: 'Open the claim' },
    'claims.filedForYou': { title: 'Your complaint {ticket} is now claim {number}', body: `We filed it as a ${kindEn} claim of {amount} under contract {contract}; follow each step in the portal.`, action: 'Open the claim' },
    'claims.acknowledged': { title: 'We have received your claim {number}', body: 'We are looking into it and will answer by {dueAt}.', action: 'Open the claim' },
    'claims.investigating': { title: 'Claim {number} is under investigation', body: '{note}', action: 'Open the claim' },
    'claims.evidenceRequested': { title: 'Claim {number}: please add evidence', body: '{reason} Our response time is paused until you add it in the portal.', action: 'Add evidence' },
    'claims.evidenceAdded': { title: '{company} added evidence to claim {number}', body: '{files, plural, one {# file} other {# files}}. {note}', action: 'Open the claim' },
    'claims.responsibility': { title: 'Claim {number}: responsibility determined', body: `Responsible: ${partyEn}. {note}`, action: 'Open the claim' },
    'claims.approvalNeeded': { title: 'Settlement of claim {number} needs your approval', body: `${SettlementEn} of {amount} for {company}, proposed by {proposer}, above the approval threshold.`, action: 'Review the settlement' },
    'claims.offerReturned': { title: 'Settlement of claim {number} sent back', body: '{reason}', action: 'Open the claim' },
    'claims.settlementOffered': { title: 'Claim {number}: a settlement is offered', body: `We offer ${settlementEn} of {amount}. Please accept it or tell us why not. {note}`, action: 'Answer the offer' },
    'claims.accepted': { title: '{company} accepted the settlement of claim {number}', body: `${SettlementEn} of {amount}: to be recorded by finance.`, action: 'Open the claim' },
    'claims.disputed': { title: '{company} disputes the settlement of claim {number}', body: '{reason}', action: 'Open the claim' },
    'claims.reopened': { title: 'Claim {number} is investigated again', body: '{note}', action: 'Open the claim' },
    'claims.settled': { title: 'Claim {number} is settled', body: `${SettlementEn} of {amount} is recorded (reference {reference}). The claim is closed.`, action: 'Open the claim' },
    'claims.rejected': { title: 'Claim {number} is rejected', body: '{reason}', action: 'Open the claim' },
    'claims.closed': { title: 'Claim {number} is closed', body: '{note}', action: 'Open the claim' },
    'claims.withdrawn': { title: '{company} withdrew claim {number}', body: '{note}', action: 'Open the claim' },
    'claims.creditNoteUsed': { title: 'Credit note {reference} of claim {number} is used', body: '{amount} is deducted from contract {contract}.', action: 'Open the claim' },
  },
  zh: {
    'claims.filed': { title: `{company} 提交了新的${kindZh}索赔 {number}`, body: '合同 {contract}，索赔金额 {amount}。请于 {dueAt} 前答复。', action: '查看索赔' },
    'claims.filedForYou': { title: '您的投诉 {ticket} 已转为索赔 {number}', body: `我们已按${kindZh}索赔登记，合同 {contract}，金额 {amount}；请在门户中跟进每一步。`, action: '查看索赔' },
    'claims.acknowledged': { title: '我们已收到您的索赔 {number}', body: '我们正在处理，将于 {dueAt} 前答复。', action: '查看索赔' },
    'claims.investigating': { title: '索赔 {number} 调查中', body: '{note}', action: '查看索赔' },
    'claims.evidenceRequested': { title: '索赔 {number}：请补充证据', body: '{reason} 在您于门户中补充之前，我方答复时限暂停计算。', action: '补充证据' },
    'claims.evidenceAdded': { title: '{company} 为索赔 {number} 补充了证据', body: '{files} 个文件。{note}', action: '查看索赔' },
    'claims.responsibility': { title: '索赔 {number}：责任已认定', body: `责任方：${partyZh}。{note}`, action: '查看索赔' },
    'claims.approvalNeeded': { title: '索赔 {number} 的理赔方案待您审批', body: `{proposer} 为 {company} 提出${settlementZh}，金额 {amount}，超过审批限额。`, action: '审批理赔方案' },
    'claims.offerReturned': { title: '索赔 {number} 的理赔方案被退回', body: '{reason}', action: '查看索赔' },
    'claims.settlementOffered': { title: '索赔 {number}：我方提出理赔方案', body: `我方提出${settlementZh}，金额 {amount}。请接受或说明理由。{note}`, action: '答复理赔方案' },
    'claims.accepted': { title: '{company} 接受了索赔 {number} 的理赔方案', body: `${settlementZh}，金额 {amount}：待财务登记。`, action: '查看索赔' },
    'claims.disputed': { title: '{company} 对索赔 {number} 的理赔方案提出异议', body: '{reason}', action: '查看索赔' },
    'claims.reopened': { title: '索赔 {number} 重新调查', body: '{note}', action: '查看索赔' },
    'claims.settled': { title: '索赔 {number} 已理赔', body: `${settlementZh} {amount} 已登记（编号 {reference}），索赔已关闭。`, action: '查看索赔' },
    'claims.rejected': { title: '索赔 {number} 被拒绝', body: '{reason}', action: '查看索赔' },
    'claims.closed': { title: '索赔 {number} 已关闭', body: '{note}', action: '查看索赔' },
    'claims.withdrawn': { title: '{company} 撤回了索赔 {number}', body: '{note}', action: '查看索赔' },
    'claims.creditNoteUsed': { title: '索赔 {number} 的贷记单 {reference} 已使用', body: '{amount} 已在合同 {contract} 中抵扣。', action: '查看索赔' },
  },
});

export type ClaimNoticeKind = keyof (typeof claimMessages)['en'];
