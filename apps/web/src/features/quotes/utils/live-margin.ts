import { UnitPriceString } from '@portal/schemas';
import { latestCostSheetFor, liveLineMargin, type CostSheetFigures, type Dec } from '@portal/domain';

export type LiveMargin = { rate: Dec; floor: string; below: boolean };

type Line = {
  /** The cost sheet's figures (CostingResult), or undefined when the line has none. */
  sheet: CostSheetFigures | undefined;
  incoterm: string;
  currency: string;
  unitPrice: string;
  /** The line's quantity: the sheet is costed again at it when it was costed for another. */
  quantity?: string;
  /** The product's floor, else the business setting. */
  floor: string;
};

/**
 * The margin a draft line makes at its price: the domain's liveLineMargin, the very function the
 * API prices a saved draft with (same decimals, same Incoterm mapping). Null while there is no
 * usable cost sheet (none, another currency, no freight for a C-rule) or no valid price.
 */
export function liveMargin({ sheet, incoterm, currency, unitPrice, quantity, floor }: Line): LiveMargin | null {
  if (!sheet || !UnitPriceString.safeParse(unitPrice).success) return null;
  try {
    const m = liveLineMargin({ unitPrice, incoterm, currency, ...(quantity ? { quantity } : {}) }, sheet, floor);
    return m && { rate: m.margin, floor, below: m.belowFloor };
  } catch {
    return null;
  }
}

type SavedSheet = { id: string; result: Record<string, unknown>; input?: Record<string, unknown> };

/**
 * The cost sheet the API will price a line on: the one the line cites, else (domain
 * latestCostSheetFor) its product's newest sheet costed in the quote's currency, else its newest;
 * its figures with its inputs, so that a line of another quantity is costed at its own.
 */
export function sheetForLine<S extends SavedSheet>(newestFirst: readonly S[], costSheetId: string | undefined, currency: string): CostSheetFigures | undefined {
  const named = costSheetId ? newestFirst.find((s) => s.id === costSheetId) : undefined;
  const chosen = named ?? latestCostSheetFor(newestFirst.map((s) => ({ s, figures: s.result as unknown as CostSheetFigures })), currency)?.s;
  return chosen && ({ ...chosen.result, ...(chosen.input ? { input: chosen.input } : {}) } as unknown as CostSheetFigures);
}
