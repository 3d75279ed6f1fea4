import { en as app } from '../app/messages.ts';
import { en as account } from '../features/account/messages.ts';
import { en as auth } from '../features/auth/messages.ts';
import { en as catalog } from '../features/catalog/messages.ts';
import { en as claims } from '../features/claims/messages.ts';
import { en as companies } from '../features/companies/messages.ts';
import { en as costing } from '../features/costing/messages.ts';
import { en as home } from '../features/home/messages.ts';
import { en as inquiries } from '../features/inquiries/messages.ts';
import { en as lettersOfCredit } from '../features/letters-of-credit/messages.ts';
import { en as negotiation } from '../features/negotiation/messages.ts';
import { en as notifications } from '../features/notifications/messages.ts';
import { en as outbox } from '../features/outbox/messages.ts';
import { en as quotes } from '../features/quotes/messages.ts';
import { en as salesContracts } from '../features/sales-contracts/messages.ts';
import { en as settings } from '../features/settings/messages.ts';
import { en as users } from '../features/users/messages.ts';

/*
 * The SPA's English catalogue: each feature keeps its own messages (features/<feature>/messages.ts,
 * ICU MessageFormat for react-intl, keyed "<screen>.<name>"); here they are put together. English is
 * in the first load; Chinese (messages.zh.ts beside each) is a chunk of its own, see i18n.tsx.
 */
export const en = { ...app, ...account, ...auth, ...catalog, ...claims, ...companies, ...costing, ...home, ...inquiries, ...lettersOfCredit, ...negotiation, ...notifications, ...outbox, ...quotes, ...salesContracts, ...settings, ...users };
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
