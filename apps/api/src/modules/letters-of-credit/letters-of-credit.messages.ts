import { defineMessages } from '../../infra/messages.ts';

/** What the letters-of-credit capability tells people: a credit to check, the exporter's verdict on it. */
export const letterOfCreditMessages = defineMessages({
  en: {
    'contract.lc.received': {
      title: '{buyer} recorded L/C {lcNumber} for {number}',
      body: '{issuingBank}, {amount}, expiring {expiryDate, date, long}: please check it against the contract.',
    },
    'contract.lc.accepted': {
      title: 'L/C {lcNumber} for {number} accepted',
      body: 'The exporter checked the letter of credit against the contract and accepted it.',
    },
    'contract.lc.amendment': {
      title: 'L/C {lcNumber} for {number}: amendment requested',
      body: 'Please have your bank amend the credit: {note}',
    },
  },
  zh: {
    'contract.lc.received': {
      title: '{buyer} 已登记 {number} 的信用证 {lcNumber}',
      body: '{issuingBank}，{amount}，到期日 {expiryDate, date, long}：请对照合同审核。',
    },
    'contract.lc.accepted': {
      title: '{number} 的信用证 {lcNumber} 已接受',
      body: '出口方已对照合同审核并接受该信用证。',
    },
    'contract.lc.amendment': {
      title: '{number} 的信用证 {lcNumber}：需要修改',
      body: '请通知您的开证行修改信用证：{note}',
    },
  },
});
