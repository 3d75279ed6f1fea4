import { incoterms, paymentMethods, paymentTriggers, portKinds } from '@portal/domain/reference';
import { z } from './common.ts';

/*
 * The trade vocabulary every capability uses (Incoterms, payment methods and triggers) and the
 * reference data forms pick from (ports, bank buying rates). The lists are the domain's.
 */

export const incotermValues = incoterms;
export const Incoterm = z.enum(incoterms).describe('Incoterms 2020 rule');
export type Incoterm = z.infer<typeof Incoterm>;

export const PaymentMethod = z.enum(paymentMethods).describe('T/T, L/C, D/P, D/A, O/A');
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentTrigger = z.enum(paymentTriggers);
export type PaymentTrigger = z.infer<typeof PaymentTrigger>;

export const PortKind = z.enum(portKinds);

/** A port as the pickers list it. */
export const PortItem = z.object({ code: z.string(), name: z.string(), country: z.string(), kind: PortKind });
export type PortItem = z.infer<typeof PortItem>;

/** The latest bank buying rate of a currency, in CNY per unit. */
export const BuyingRate = z.object({ base: z.string(), quote: z.string(), rate: z.string(), validOn: z.string().describe('YYYY-MM-DD') });
export type BuyingRate = z.infer<typeof BuyingRate>;
