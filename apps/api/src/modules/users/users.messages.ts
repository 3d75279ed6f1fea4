import { defineMessages } from '../../infra/messages.ts';

/** What inviting colleagues tells people: the invitation, a note to an address that has an account, a colleague who joined. */
export const userMessages = defineMessages({
  en: {
    'company.user.invited': {
      title: '{inviter} invited you to {company} on our buyer portal',
      paragraphs: [
        '{inviter} invited you to join {company} on the buyer portal of Ningbo Harbour Homeware, where you can search products, request quotes and follow your orders.',
        'The invitation is valid for {days, plural, one {# day} other {# days}}.',
      ],
      action: 'Accept the invitation',
    },
    'company.user.invite.existing': {
      title: '{inviter} invited you to {company} on our buyer portal',
      paragraphs: [
        '{inviter} invited this email address to join {company} on the buyer portal of Ningbo Harbour Homeware. The address already has an account, and an account belongs to one company, so no link to a new account was sent.',
        'If you expected this, sign in with your account, or ask us to move it. Otherwise you need do nothing.',
      ],
      action: 'Sign in',
    },
    'company.user.joined': {
      title: '{name} joined {company}',
      body: '{name} ({email}) accepted your invitation.',
    },
  },
  zh: {
    'company.user.invited': {
      title: '{inviter} 邀请您加入买家门户上的 {company}',
      paragraphs: [
        '{inviter} 邀请您加入宁波港湾家居用品的买家门户上的 {company}，您可以在门户中搜索产品、询价并跟踪订单。',
        '邀请在 {days} 天内有效。',
      ],
      action: '接受邀请',
    },
    'company.user.invite.existing': {
      title: '{inviter} 邀请您加入买家门户上的 {company}',
      paragraphs: [
        '{inviter} 邀请此邮箱地址加入宁波港湾家居用品的买家门户上的 {company}。该地址已有账户，而一个账户只属于一家公司，因此没有发送新账户的链接。',
        '如果您知道此事，请用您的账户登录，或请我们转移账户；否则无需任何操作。',
      ],
      action: '登录',
    },
    'company.user.joined': {
      title: '{name} 已加入 {company}',
      body: '{name}（{email}）接受了您的邀请。',
    },
  },
});
