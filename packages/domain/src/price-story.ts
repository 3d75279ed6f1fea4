import { Dec, UNIT_PRICE_SCALE } from './money.ts';
import type { CostedTerm } from './costing.ts';

/*
 * One price story: the prices a buyer sees for a product (the indicative price for a quantity, the
 * list price tiers, the price on each term) come from this one function, so the same quantity never
 * shows two prices and a CIF price is never below the FOB price of the same quantity and port.
 *
 *   FOB at a quantity   the list tier that applies (the tier with the largest minimum ≤ quantity),
 *                       else the costed FOB; a tier is a published price and wins over the costing
 *   CFR                 that FOB + what the costing adds for freight (costed CFR − costed FOB)
 *   CIF                 that CFR grossed up as the costing grosses it (× costed CIF / costed CFR),
 *                       i.e. CFR / (1 − cover × premium rate)
 *
 * Freight and insurance are never negative, so FOB ≤ CFR ≤ CIF always holds. Rounded once, at the
 * end, to the 4 places of a unit price.
 */

export type PriceTierInput = { minQuantity: string | Dec; unitPrice: string | Dec };
/** The costing's unrounded unit prices for the quantity, in the story's currency (the floor applied). */
export type CostedPrices = { FOB: Dec; CFR: Dec | null; CIF: Dec | null };

export type PriceStory = {
  basis: 'price-tier' | 'cost-sheet';
  /** The tier that sets the FOB price, when one does. */
  tierMinQuantity: string | null;
  prices: Record<CostedTerm, string | null>;
};

/** The list tier that applies to a quantity: the one with the largest minimum at or below it. */
export function applicableTier<T extends PriceTierInput>(tiers: readonly T[], quantity: string | Dec): T | null {
  const q = new Dec(quantity);
  let best: T | null = null;
  for (const t of tiers) if (q.gte(t.minQuantity) && (!best || new Dec(t.minQuantity).gt(best.minQuantity))) best = t;
  return best;
}

/**
 * The prices of a product for a quantity on FOB, CFR and CIF (see above). Null when neither a tier
 * nor a costing prices the quantity; CFR/CIF are null without a costing that reaches them.
 */
export function priceStory(args: { quantity: string | Dec; tiers: readonly PriceTierInput[]; costed: CostedPrices | null }): PriceStory | null {
  const tier = applicableTier(args.tiers, args.quantity);
  const costed = args.costed;
  if (!tier && !costed) return null;
  const fob = tier ? new Dec(tier.unitPrice) : costed!.FOB;
  const cfr = costed?.CFR ? fob.plus(Dec.max(0, costed.CFR.minus(costed.FOB))) : null;
  const cif = cfr && costed?.CIF && costed.CFR && costed.CFR.gt(0) ? cfr.times(Dec.max(1, costed.CIF.div(costed.CFR))) : null;
  const out = (d: Dec | null) => (d ? d.toFixed(UNIT_PRICE_SCALE, Dec.ROUND_HALF_UP) : null);
  return {
    basis: tier ? 'price-tier' : 'cost-sheet',
    tierMinQuantity: tier ? new Dec(tier.minQuantity).toFixed() : null,
    prices: { FOB: out(fob), CFR: out(cfr), CIF: out(cif) },
  };
}
