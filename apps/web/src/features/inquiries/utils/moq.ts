import { Quantity } from '@portal/schemas';
import { checkMoq } from '@portal/domain';

/** A quantity the API takes for a product: well formed, and at least its minimum order quantity. */
export function meetsMoq(quantity: string, moq: string): boolean {
  return Quantity.safeParse(quantity).success && checkMoq(quantity, moq) === null;
}
