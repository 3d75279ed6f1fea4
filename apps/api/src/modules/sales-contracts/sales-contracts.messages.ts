import type { AmendmentChange } from '@portal/domain';
import { defineMessages, formatPattern, type Lang } from '../../infra/messages.ts';

/** What the sales-contracts capability tells people: a contract to confirm, its confirmation, amendments. */
export const contractMessages = defineMessages({
  en: {
    'contract.issued': {
      title: 'Sales contract {number} issued: please confirm',
      body: '{quoteNumber} revision {revisionNo} accepted; {total} {incoterm} {namedPlace}. Please review and confirm the sales contract.',
      paragraphs: [
        'Thank you for accepting {quoteNumber} revision {revisionNo}. Attached is our sales confirmation {number}: {total} {incoterm} {namedPlace} (Incoterms® 2020), shipment not later than {latestShipmentDate, date, long}, payment {paymentTerms}.',
        'Please review it and confirm it in the portal.',
      ],
    },
    'contract.issued.staff': {
      title: '{buyer} accepted {quoteNumber} rev. {revisionNo}: contract {number}',
      body: '{total} {incoterm} {namedPlace}; waiting for the buyer’s confirmation.',
    },
    'contract.confirmed': {
      title: '{buyer} confirmed sales contract {number}',
      body: 'The buyer confirmed {number}; production can be planned.',
    },
    'contract.amendment': {
      title: 'Amendment {amendmentNo} to sales contract {number}: please confirm',
      body: '{reason} ({changes})',
    },
    'contract.amendment.confirmed': {
      title: '{buyer} confirmed amendment {amendmentNo} to {number}',
      body: '{reason}',
    },
    'term.latestShipmentDate': { title: 'latest shipment date' },
    'term.portOfLoadingCode': { title: 'port of loading' },
    'term.portOfDischargeCode': { title: 'port of discharge' },
    'term.partialShipmentAllowed': { title: 'partial shipment' },
    'term.transhipmentAllowed': { title: 'transhipment' },
    'term.packing': { title: 'packing' },
    'term.shippingMarks': { title: 'shipping marks' },
    'term.inspection': { title: 'inspection' },
    'term.insurance': { title: 'insurance' },
    'term.claimsClause': { title: 'claims' },
    'term.change': { title: '{term}: {from} → {to}' },
    'term.yes': { title: 'allowed' },
    'term.no': { title: 'not allowed' },
    'term.none': { title: '—' },
  },
  zh: {
    'contract.issued': {
      title: '销售合同 {number} 已签发，请确认',
      body: '已接受 {quoteNumber} 第 {revisionNo} 版；{total} {incoterm} {namedPlace}。请审阅并确认销售合同。',
      paragraphs: [
        '感谢您接受 {quoteNumber} 第 {revisionNo} 版。随函附上我们的销售确认书 {number}：{total} {incoterm} {namedPlace}（Incoterms® 2020），最迟装运日期 {latestShipmentDate, date, long}，付款方式 {paymentTerms}。',
        '请在门户中审阅并确认。',
      ],
    },
    'contract.issued.staff': {
      title: '{buyer} 接受了 {quoteNumber} 第 {revisionNo} 版：合同 {number}',
      body: '{total} {incoterm} {namedPlace}；等待买方确认。',
    },
    'contract.confirmed': {
      title: '{buyer} 已确认销售合同 {number}',
      body: '买方已确认 {number}，可以安排生产。',
    },
    'contract.amendment': {
      title: '销售合同 {number} 第 {amendmentNo} 号修改，请确认',
      body: '{reason}（{changes}）',
    },
    'contract.amendment.confirmed': {
      title: '{buyer} 已确认 {number} 第 {amendmentNo} 号修改',
      body: '{reason}',
    },
    'term.latestShipmentDate': { title: '最迟装运日期' },
    'term.portOfLoadingCode': { title: '装运港' },
    'term.portOfDischargeCode': { title: '目的港' },
    'term.partialShipmentAllowed': { title: '分批装运' },
    'term.transhipmentAllowed': { title: '转运' },
    'term.packing': { title: '包装' },
    'term.shippingMarks': { title: '唛头' },
    'term.inspection': { title: '检验' },
    'term.insurance': { title: '保险' },
    'term.claimsClause': { title: '索赔' },
    'term.change': { title: '{term}：{from} → {to}' },
    'term.yes': { title: '允许' },
    'term.no': { title: '不允许' },
    'term.none': { title: '—' },
  },
});

type TermKey = Extract<keyof (typeof contractMessages)['en'], `term.${string}`>;
const word = (key: TermKey, lang: Lang) => formatPattern(contractMessages[lang][key].title, lang);

/** The changes of an amendment for a reader: "packing: a → b; …", terms named and yes/no worded in their language. */
export function amendmentChangesIn(changes: readonly AmendmentChange[], lang: Lang): string {
  const value = (v: unknown) => (v === null || v === undefined ? word('term.none', lang) : typeof v === 'boolean' ? word(v ? 'term.yes' : 'term.no', lang) : String(v));
  const term = (field: string) => (`term.${field}` in contractMessages[lang] ? word(`term.${field}` as TermKey, lang) : field);
  return changes.map((ch) => formatPattern(contractMessages[lang]['term.change'].title, lang, { term: term(ch.field), from: value(ch.from), to: value(ch.to) })).join(lang === 'zh' ? '；' : '; ');
}
