import { defineMessages, formatPattern, type Lang } from '../../infra/messages.ts';

/** What the inquiries capability tells people: the buyer's receipt, a new inquiry to the clerks, a withdrawal, an assignment. */
export const inquiryMessages = defineMessages({
  en: {
    'inquiry.received': {
      title: 'We received your inquiry {number}',
      paragraphs: [
        'Thank you for your inquiry {number} ({incoterm} {namedPlace}, Incoterms 2020, in {currency}). Our export team aims to answer within {hours, plural, one {# hour} other {# hours}} with a pro-forma quote.',
        '{lines}',
      ],
      action: 'Follow your inquiry',
    },
    'inquiry.new': {
      title: 'New inquiry {number} from {buyer}',
      body: '{lineCount, plural, one {# line} other {# lines}}, {incoterm} {namedPlace}, Incoterms 2020, in {currency}: {firstLine}',
      paragraphs: [
        '{buyer} sent inquiry {number}: {lineCount, plural, one {# line} other {# lines}}, {incoterm} {namedPlace}, Incoterms 2020, in {currency}{shipment, select, yes {, shipment by {shipmentDate, date, long}} other {}}.',
        '{lines}',
        'Please answer within {hours, plural, one {# hour} other {# hours}}.',
      ],
      action: 'Open the inquiry',
    },
    'inquiry.withdrawn': {
      title: 'Inquiry {number} was withdrawn',
      body: 'The buyer withdrew the inquiry.',
    },
    'inquiry.assigned': {
      title: 'Inquiry {number} is yours',
      body: 'An inquiry was assigned to you.',
    },
    'inquiry.line': { title: '{lineNo}. {description}: {quantity, number} {unit}' },
  },
  zh: {
    'inquiry.received': {
      title: '我们已收到您的询盘 {number}',
      paragraphs: [
        '感谢您的询盘 {number}（{incoterm} {namedPlace}，Incoterms 2020，币种 {currency}）。我们的外贸团队将在 {hours} 小时内回复形式发票报价。',
        '{lines}',
      ],
      action: '跟进您的询盘',
    },
    'inquiry.new': {
      title: '{buyer} 发来新询盘 {number}',
      body: '{lineCount} 行，{incoterm} {namedPlace}，Incoterms 2020，币种 {currency}：{firstLine}',
      paragraphs: [
        '{buyer} 发来询盘 {number}：{lineCount} 行，{incoterm} {namedPlace}，Incoterms 2020，币种 {currency}{shipment, select, yes {，要求 {shipmentDate, date, long}前装运} other {}}。',
        '{lines}',
        '请在 {hours} 小时内回复。',
      ],
      action: '打开询盘',
    },
    'inquiry.withdrawn': {
      title: '询盘 {number} 已撤回',
      body: '买方撤回了该询盘。',
    },
    'inquiry.assigned': {
      title: '询盘 {number} 已分配给您',
      body: '一个询盘已分配给您处理。',
    },
    'inquiry.line': { title: '{lineNo}. {description}：{quantity, number} {unit}' },
  },
});

/** An inquiry's lines for a reader, one a line: "1. Bamboo tray: 5,000 pcs". */
export function inquiryLinesIn(lines: readonly { description: string; quantity: string; unit: string }[], lang: Lang): string {
  return lines.map((l, i) => formatPattern(inquiryMessages[lang]['inquiry.line'].title, lang, { lineNo: i + 1, description: l.description, quantity: l.quantity, unit: l.unit })).join('\n');
}
