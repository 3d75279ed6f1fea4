import { defineMessages } from '../../infra/messages.ts';

/*
 * What collections tell people, per recipient language (ICU MessageFormat; the seam of the i18n
 * helper). Amounts come as { amount, currency } params and are formatted for the reader's locale.
 * Rendered per recipient by the shared renderer (infra/messages.ts) through payments.tell.ts.
 */
export const paymentsMessages = defineMessages({
  en: {
    'payments.reminder': {
      title: 'Payment due on {dueDate, date, long}: {contract}',
      body: '{amount} under sales contract {contract} ({description}) falls due on {dueDate, date, long}. Please quote the payment reference {reference}.',
    },
    'payments.dunning': {
      title: 'Payment overdue ({level}): {contract}',
      body: '{amount} under sales contract {contract} ({description}) was due on {dueDate, date, long} and is {days} days overdue. Please arrange payment quoting the reference {reference}, or tell us if it has been sent.',
    },
    'payments.received': {
      title: 'Payment received: {amount}',
      body: 'We received {amount} (value date {valueDate, date, long}, bank reference {bankReference}) and applied {allocated} to your open items. Thank you.',
    },
  },
  zh: {
    'payments.reminder': {
      title: '{contract} 付款将于 {dueDate, date, long} 到期',
      body: '销售合同 {contract}（{description}）的 {amount} 将于 {dueDate, date, long} 到期。付款时请注明付款参考号 {reference}。',
    },
    'payments.dunning': {
      title: '{contract} 付款逾期（第 {level} 级催款）',
      body: '销售合同 {contract}（{description}）的 {amount} 已于 {dueDate, date, long} 到期，逾期 {days} 天。请注明参考号 {reference} 尽快安排付款；如已汇出，请告知我们。',
    },
    'payments.received': {
      title: '已收到付款：{amount}',
      body: '我们已收到 {amount}（起息日 {valueDate, date, long}，银行参考号 {bankReference}），其中 {allocated} 已核销到您的未付款项。谢谢。',
    },
  },
});

export type PaymentsMessageKind = keyof (typeof paymentsMessages)['en'];
