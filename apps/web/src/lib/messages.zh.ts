import type { Catalogue } from './messages.ts';
import { zh as app } from '../app/messages.zh.ts';
import { zh as account } from '../features/account/messages.zh.ts';
import { zh as auth } from '../features/auth/messages.zh.ts';
import { zh as catalog } from '../features/catalog/messages.zh.ts';
import { zh as claims } from '../features/claims/messages.zh.ts';
import { zh as companies } from '../features/companies/messages.zh.ts';
import { zh as costing } from '../features/costing/messages.zh.ts';
import { zh as home } from '../features/home/messages.zh.ts';
import { zh as inquiries } from '../features/inquiries/messages.zh.ts';
import { zh as lettersOfCredit } from '../features/letters-of-credit/messages.zh.ts';
import { zh as negotiation } from '../features/negotiation/messages.zh.ts';
import { zh as notifications } from '../features/notifications/messages.zh.ts';
import { zh as outbox } from '../features/outbox/messages.zh.ts';
import { zh as quotes } from '../features/quotes/messages.zh.ts';
import { zh as salesContracts } from '../features/sales-contracts/messages.zh.ts';
import { zh as settings } from '../features/settings/messages.zh.ts';
import { zh as users } from '../features/users/messages.zh.ts';

/** The Chinese catalogue, loaded only when someone reads in Chinese (a chunk of its own). */
export const zh: Catalogue = { ...app, ...account, ...auth, ...catalog, ...claims, ...companies, ...costing, ...home, ...inquiries, ...lettersOfCredit, ...negotiation, ...notifications, ...outbox, ...quotes, ...salesContracts, ...settings, ...users };
