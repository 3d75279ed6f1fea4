import type { CompanyIdentity } from '@portal/domain';
import { defineMessages, formatCountry, formatPattern, type Lang } from '../../infra/messages.ts';

/** What the companies capability tells people: a review's decision, a change of identity asked for and decided, a new registration. */
export const companyMessages = defineMessages({
  en: {
    'company.approved': {
      title: '{company} is approved on our buyer portal',
      body: 'Your company is approved. You can now send price inquiries, receive pro-forma quotes and follow your orders in the portal. {reason}',
      paragraphs: ['Your company is approved. You can now send price inquiries, receive pro-forma quotes and follow your orders in the portal.', '{hasReason, select, yes {Reason: {reason}} other {}}'],
      action: 'Open the portal',
    },
    'company.rejected': {
      title: 'About the registration of {company}',
      body: 'We are sorry: we cannot approve your company on the portal at this time. {reason}',
      paragraphs: ['We are sorry: we cannot approve your company on the portal at this time.', '{hasReason, select, yes {Reason: {reason}} other {}}'],
      action: 'Open the portal',
    },
    'company.suspended': {
      title: '{company}: portal access suspended',
      body: 'Trading through the portal is suspended for your company. You can still sign in and contact us. {reason}',
      paragraphs: ['Trading through the portal is suspended for your company. You can still sign in and contact us.', '{hasReason, select, yes {Reason: {reason}} other {}}'],
      action: 'Open the portal',
    },
    'company.pending': {
      title: '{company}',
      body: '{reason}',
      paragraphs: ['{hasReason, select, yes {Reason: {reason}} other {}}'],
      action: 'Open the portal',
    },
    'company.identity.request': {
      title: '{company} asks to change its {fields}',
      body: '{changes}',
      paragraphs: ['{company} asks to change: {changes}.', 'Until you approve it, the company keeps its approved identity, on contracts and pro-forma invoices too.'],
      action: 'Review the change',
    },
    'company.identity.approved': {
      title: '{company}: your change of company details is approved',
      body: 'We approved the change ({changes}); contracts and pro-forma invoices from now on carry it.',
      action: 'Open your company page',
    },
    'company.identity.rejected': {
      title: '{company}: your change of company details was not approved',
      body: 'We did not approve the change ({changes}). Reason: {reason}',
      action: 'Open your company page',
    },
    'company.registered': {
      title: 'We received the registration of {company}',
      paragraphs: [
        'Thank you for registering {company} on our buyer portal.',
        'Our sales manager reviews new companies within one business day. You can already sign in and browse; you will be able to send inquiries as soon as the company is approved, and we will email you then.',
      ],
      action: 'Open the portal',
    },
    'company.registered.review': {
      title: 'New buyer company: {company}',
      body: '{company} ({country}) registered and awaits approval.',
      subject: 'New buyer company awaits approval: {company}',
      paragraphs: ['{company} from {country} registered on the portal (contact: {contact}, {email}).'],
      action: 'Review the company',
    },
    'identity.name': { title: 'name' },
    'identity.country': { title: 'country' },
    'identity.taxId': { title: 'tax id' },
    'identity.change': { title: '{field}: {value}' },
  },
  zh: {
    'company.approved': {
      title: '{company} 已通过买家门户审核',
      body: '贵公司已通过审核。现在您可以在门户中发送询价、接收形式发票报价并跟踪订单。{reason}',
      paragraphs: ['贵公司已通过审核。现在您可以在门户中发送询价、接收形式发票报价并跟踪订单。', '{hasReason, select, yes {原因：{reason}} other {}}'],
      action: '打开门户',
    },
    'company.rejected': {
      title: '关于 {company} 的注册',
      body: '很抱歉，目前我们无法批准贵公司使用门户。{reason}',
      paragraphs: ['很抱歉，目前我们无法批准贵公司使用门户。', '{hasReason, select, yes {原因：{reason}} other {}}'],
      action: '打开门户',
    },
    'company.suspended': {
      title: '{company}：门户交易已暂停',
      body: '贵公司通过门户进行的交易已暂停。您仍可登录并与我们联系。{reason}',
      paragraphs: ['贵公司通过门户进行的交易已暂停。您仍可登录并与我们联系。', '{hasReason, select, yes {原因：{reason}} other {}}'],
      action: '打开门户',
    },
    'company.pending': {
      title: '{company}',
      body: '{reason}',
      paragraphs: ['{hasReason, select, yes {原因：{reason}} other {}}'],
      action: '打开门户',
    },
    'company.identity.request': {
      title: '{company} 申请变更{fields}',
      body: '{changes}',
      paragraphs: ['{company} 申请变更：{changes}。', '在您批准之前，该公司（包括合同和形式发票上）仍使用已批准的信息。'],
      action: '审核变更',
    },
    'company.identity.approved': {
      title: '{company}：您的公司信息变更已批准',
      body: '我们已批准变更（{changes}）；今后的合同和形式发票将使用新信息。',
      action: '打开公司页面',
    },
    'company.identity.rejected': {
      title: '{company}：您的公司信息变更未获批准',
      body: '我们未批准该变更（{changes}）。原因：{reason}',
      action: '打开公司页面',
    },
    'company.registered': {
      title: '我们已收到 {company} 的注册',
      paragraphs: [
        '感谢您在我们的买家门户注册 {company}。',
        '我们的销售经理会在一个工作日内审核新公司。您现在即可登录浏览；公司通过审核后即可发送询盘，届时我们会发邮件通知您。',
      ],
      action: '打开门户',
    },
    'company.registered.review': {
      title: '新买家公司：{company}',
      body: '{company}（{country}）已注册，等待审核。',
      subject: '新买家公司等待审核：{company}',
      paragraphs: ['来自{country}的 {company} 已在门户注册（联系人：{contact}，{email}）。'],
      action: '审核公司',
    },
    'identity.name': { title: '名称' },
    'identity.country': { title: '国家' },
    'identity.taxId': { title: '税号' },
    'identity.change': { title: '{field}：{value}' },
  },
});

const fieldName = (k: string, lang: Lang) => formatPattern(companyMessages[lang][`identity.${k}` as 'identity.name']?.title ?? k, lang);

/** The fields an identity change touches, for a reader ("name, tax id" / "名称、税号"). */
export function identityFieldsIn(changes: Partial<CompanyIdentity>, lang: Lang): string {
  return Object.keys(changes).map((k) => fieldName(k, lang)).join(lang === 'zh' ? '、' : ', ');
}

/** An identity change for a reader: "name: Acme Ltd; country: United Kingdom". */
export function identityChangesIn(changes: Partial<CompanyIdentity>, lang: Lang): string {
  return Object.entries(changes)
    .map(([k, v]) => formatPattern(companyMessages[lang]['identity.change'].title, lang, { field: fieldName(k, lang), value: v ? (k === 'country' ? formatCountry(String(v), lang) : String(v)) : '—' }))
    .join(lang === 'zh' ? '；' : '; ');
}
