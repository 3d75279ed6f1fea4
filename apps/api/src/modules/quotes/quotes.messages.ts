import { defineMessages } from '../../infra/messages.ts';

/** What the quotes capability tells people: the PI to the buyer, approvals to managers, a returned draft to its clerk. */
export const quoteMessages = defineMessages({
  en: {
    'quote.sent': {
      title: 'Your quote {number} (rev. {revisionNo}) is ready',
      body: '{total} {incoterm} {namedPlace}, Incoterms 2020; {paymentTerms}; valid until {validUntil, date, long}.',
      subject: 'Pro-forma invoice {number} (rev. {revisionNo}): {total} {incoterm} {namedPlace}',
      paragraphs: [
        'Thank you for your inquiry {inquiryNumber}. Please find attached our pro-forma invoice {number}, revision {revisionNo}.',
        'Total: {total}, {incoterm} {namedPlace} (Incoterms® 2020). Payment: {paymentTerms}. Lead time: {leadTimeDays, plural, one {# day} other {# days}}{shipment, select, yes {; shipment not later than {shipmentDate, date, long}} other {}}.',
        'This offer is valid until {validUntil, date, long}. You can accept it or ask for changes in the portal.',
      ],
      action: 'View the quote in the portal',
    },
    'quote.approval': {
      title: '{number} needs your approval: margin {hasMargin, select, yes {{margin, number, ::percent .0}} other {unknown}} below floor {floor, number, ::percent .0}',
      body: 'Revision {revisionNo} for {buyer}, {total} {incoterm} {namedPlace}, quote margin {hasQuoteMargin, select, yes {{quoteMargin, number, ::percent .0}} other {unknown}}.{hasReason, select, yes { Reason: {reason}} other {}}',
      paragraphs: [
        'Revision {revisionNo} for {buyer}, {total} {incoterm} {namedPlace}, quote margin {hasQuoteMargin, select, yes {{quoteMargin, number, ::percent .0}} other {unknown}}.{hasReason, select, yes { Reason: {reason}} other {}}',
        'It is below the margin floor and waits for your approval before it can be sent to the buyer.',
      ],
      action: 'Review the approvals',
    },
    'quote.returned': {
      title: '{number} revision {revisionNo} was sent back',
      body: '{comment}',
    },
  },
  zh: {
    'quote.sent': {
      title: '您的报价 {number}（第 {revisionNo} 版）已发出',
      body: '{total} {incoterm} {namedPlace}（Incoterms 2020）；付款方式：{paymentTerms}；有效期至 {validUntil, date, long}。',
      subject: '形式发票 {number}（第 {revisionNo} 版）：{total} {incoterm} {namedPlace}',
      paragraphs: [
        '感谢您的询盘 {inquiryNumber}。随函附上我们的形式发票 {number}（第 {revisionNo} 版）。',
        '总额：{total}，{incoterm} {namedPlace}（Incoterms® 2020）。付款方式：{paymentTerms}。交货期：{leadTimeDays, plural, other {# 天}}{shipment, select, yes {；最迟装运日期 {shipmentDate, date, long}} other {}}。',
        '本报价有效期至 {validUntil, date, long}。您可以在门户中接受报价或提出修改。',
      ],
      action: '在门户中查看报价',
    },
    'quote.approval': {
      title: '{number} 待您审批：利润率 {hasMargin, select, yes {{margin, number, ::percent .0}} other {未知}}，低于下限 {floor, number, ::percent .0}',
      body: '{buyer} 的第 {revisionNo} 版，{total} {incoterm} {namedPlace}，报价利润率 {hasQuoteMargin, select, yes {{quoteMargin, number, ::percent .0}} other {未知}}。{hasReason, select, yes {理由：{reason}} other {}}',
      paragraphs: [
        '{buyer} 的第 {revisionNo} 版，{total} {incoterm} {namedPlace}，报价利润率 {hasQuoteMargin, select, yes {{quoteMargin, number, ::percent .0}} other {未知}}。{hasReason, select, yes {理由：{reason}} other {}}',
        '该报价低于利润率下限，需经您审批后才能发给买方。',
      ],
      action: '查看待审批事项',
    },
    'quote.returned': {
      title: '{number} 第 {revisionNo} 版已被退回',
      body: '{comment}',
    },
  },
});
