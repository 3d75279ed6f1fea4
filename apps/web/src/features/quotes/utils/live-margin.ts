import { UnitPriceString } from '@portal/schemas';
import { costPerUnit, isBelowFloor, lineMargin, type CostSheetFigures, type Dec } from '@portal/domain';

export type LiveMargin = { rate: Dec; floor: string; below: boolean };

type Line = {
  /** The cost sheet's figures (CostingResult), or undefined when the line has none. */
  sheet: CostSheetFigures | undefined;
  incoterm: string;
  currency: string;
  unitPrice: string;
  /** The product's floor, else the business setting. */
  floor: string;
};

/**
 * The margin a draft line makes at its price, costed as the API costs it when the draft is saved —
 * the same decimal domain functions, the same Incoterm mapping. Null while there is no usable cost
 * sheet (none, another currency, no freight for a C-rule) or no valid price.
 */
export function liveMargin({ sheet, incoterm, currency, unitPrice, floor }: Line): LiveMargin | null {
  if (!sheet || !UnitPriceString.safeParse(unitPrice).success) return null;
  try {
    const rate = lineMargin(unitPrice, costPerUnit(sheet, incoterm, currency));
    return { rate, floor, below: isBelowFloor(rate, floor) };
  } catch {
    return null;
  }
}
