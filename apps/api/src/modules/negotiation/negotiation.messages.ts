import { Dec, type CounterOfferLineProposal } from '@portal/domain';
import { calendarDay, defineMessages, formatPattern, type Lang } from '../../infra/messages.ts';

/** What the negotiation tells the other side: messages, counter-offers, change requests, a declined quote. */
export const negotiationMessages = defineMessages({
  en: {
    'negotiation.message': {
      title: 'New message on inquiry {inquiryNumber}',
      body: '{text}',
      paragraphs: ['A new message on inquiry {inquiryNumber}:', '{text}'],
    },
    'negotiation.counter_offer': {
      title: 'Counter-offer from {buyer} on {quoteNumber} rev. {revisionNo}',
      body: '{summary}',
      paragraphs: ['{buyer} answered {quoteNumber} revision {revisionNo} (inquiry {inquiryNumber}) with a counter-offer: {summary}.', '{message}'],
    },
    'negotiation.change_request': {
      title: '{buyer} asks for changes to {quoteNumber} rev. {revisionNo}',
      body: '{text}',
    },
    'quote.declined': {
      title: '{buyer} declined {quoteNumber} rev. {revisionNo}',
      body: '{reason}',
    },
    'offer.line': { title: 'line {lineNo}: {proposals}' },
    'offer.price': { title: 'price {price}' },
    'offer.quantity': { title: 'quantity {quantity, number}' },
    'offer.shipment': { title: 'shipment by {date, date, long}' },
    'offer.payment': { title: 'payment: {terms}' },
    'offer.incoterm': { title: 'Incoterm: {incoterm}' },
  },
  zh: {
    'negotiation.message': {
      title: '询盘 {inquiryNumber} 有新消息',
      body: '{text}',
      paragraphs: ['询盘 {inquiryNumber} 有一条新消息：', '{text}'],
    },
    'negotiation.counter_offer': {
      title: '{buyer} 对 {quoteNumber} 第 {revisionNo} 版提出还价',
      body: '{summary}',
      paragraphs: ['{buyer} 对 {quoteNumber} 第 {revisionNo} 版（询盘 {inquiryNumber}）提出还价：{summary}。', '{message}'],
    },
    'negotiation.change_request': {
      title: '{buyer} 要求修改 {quoteNumber} 第 {revisionNo} 版',
      body: '{text}',
    },
    'quote.declined': {
      title: '{buyer} 拒绝了 {quoteNumber} 第 {revisionNo} 版',
      body: '{reason}',
    },
    'offer.line': { title: '第 {lineNo} 行：{proposals}' },
    'offer.price': { title: '单价 {price}' },
    'offer.quantity': { title: '数量 {quantity, number}' },
    'offer.shipment': { title: '{date, date, long}前装运' },
    'offer.payment': { title: '付款方式：{terms}' },
    'offer.incoterm': { title: '贸易术语：{incoterm}' },
  },
});

/**
 * A counter-offer for a reader: "line 1: price USD 1.8500, quantity 50,000; payment: …", prices
 * with their currency and quantities grouped for the reader's locale.
 */
export function counterOfferIn(
  lines: readonly (CounterOfferLineProposal & { lineNo: number | undefined })[],
  terms: { paymentTermsText?: string; incoterm?: string },
  currency: string,
  lang: Lang,
): string {
  const say = (key: keyof (typeof negotiationMessages)['en'], params: Parameters<typeof formatPattern>[2]) => formatPattern(negotiationMessages[lang][key].title, lang, params);
  const comma = lang === 'zh' ? '，' : ', ';
  return [
    ...lines.map((l) => say('offer.line', {
      lineNo: l.lineNo ?? '?',
      proposals: [
        // Unit prices keep four places, as on the PI.
        l.proposedUnitPrice ? say('offer.price', { price: { amount: new Dec(l.proposedUnitPrice).toFixed(4), currency } }) : null,
        l.proposedQuantity ? say('offer.quantity', { quantity: l.proposedQuantity }) : null,
        l.proposedShipmentDate ? say('offer.shipment', { date: calendarDay(l.proposedShipmentDate) }) : null,
      ].filter(Boolean).join(comma),
    })),
    ...(terms.paymentTermsText ? [say('offer.payment', { terms: terms.paymentTermsText })] : []),
    ...(terms.incoterm ? [say('offer.incoterm', { incoterm: terms.incoterm })] : []),
  ].join(lang === 'zh' ? '；' : '; ');
}
