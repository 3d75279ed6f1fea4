import { defineMessages } from '../../infra/messages.ts';

/** What the accounts capability mails: the link to confirm an address, a registration for a known address, a changed password. */
export const authMessages = defineMessages({
  en: {
    'auth.email.verify': {
      title: 'Please confirm your email address to register {company}',
      paragraphs: [
        'Thank you for registering {company} on the buyer portal of Ningbo Harbour Homeware. Please confirm that this is your email address: the link below signs you in and sends your registration to our sales manager.',
        'The link is valid for {hours, plural, one {# hour} other {# hours}}. If you did not register, you need do nothing.',
      ],
      action: 'Confirm your email address',
    },
    'auth.register.existing': {
      title: 'About a registration with your email address',
      paragraphs: [
        'Someone asked to register a company on our buyer portal with this email address, which already has an account. No new account was made.',
        'If it was you, sign in with your password instead. If it was not you, you need do nothing.',
      ],
      action: 'Sign in',
    },
    'user.password.changed': {
      title: 'Your portal password was changed',
      paragraphs: ['The password of your portal account was just changed and all other sessions were signed out.', 'If this was not you, contact us at once.'],
    },
  },
  zh: {
    'auth.email.verify': {
      title: '请确认您的邮箱地址以完成 {company} 的注册',
      paragraphs: [
        '感谢您在宁波港湾家居用品的买家门户注册 {company}。请确认这是您的邮箱地址：点击下面的链接即可登录，并将您的注册提交给我们的销售经理。',
        '链接在 {hours} 小时内有效。如果您没有注册，无需任何操作。',
      ],
      action: '确认邮箱地址',
    },
    'auth.register.existing': {
      title: '关于使用您的邮箱地址进行的注册',
      paragraphs: [
        '有人使用此邮箱地址申请在我们的买家门户注册公司，而该地址已有账户，因此没有创建新账户。',
        '如果是您本人，请直接用密码登录；如果不是，无需任何操作。',
      ],
      action: '登录',
    },
    'user.password.changed': {
      title: '您的门户密码已更改',
      paragraphs: ['您的门户账户密码刚刚被更改，其他所有会话均已退出。', '如果这不是您本人操作，请立即与我们联系。'],
    },
  },
});
