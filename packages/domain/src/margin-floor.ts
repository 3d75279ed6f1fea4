import type { Role } from './access.ts';
import { DomainError } from './errors.ts';
import { Dec } from './money.ts';

type DecimalLike = string | Dec;

/*
 * The margin floor: a quote line below it needs a manager's approval before it reaches the buyer.
 * Managers set one floor for all products (Setting quote.marginFloorRate) and may set a higher one
 * for a product. A product's floor can only raise the bar, never lower it, and only managers change
 * floors: otherwise a clerk could set a product's floor to 0 and send any price without approval.
 */

/** The floor a line is held to: the higher of the manager's floor and the product's own (if any). */
export function effectiveMarginFloor(managerFloor: DecimalLike, productFloor: DecimalLike | null | undefined): Dec {
  const manager = new Dec(managerFloor);
  if (productFloor === null || productFloor === undefined) return manager;
  return Dec.max(manager, new Dec(productFloor));
}

/** Who may set or change a product's margin floor: managers (and the admins who stand in for them). */
export function mayChangeMarginFloor(role: Role): boolean {
  return role === 'MANAGER' || role === 'ADMIN';
}

/**
 * Refuses a change of a product's floor (setting, lowering, raising or clearing it) by anyone but a
 * manager, naming the field. Saving a product with its floor as it was is no change.
 */
export function assertMayChangeMarginFloor(role: Role, from: DecimalLike | null, to: DecimalLike | null, field = 'body.marginFloorRate'): void {
  const same = from === null || to === null ? from === to : new Dec(from).eq(to);
  if (same || mayChangeMarginFloor(role)) return;
  throw new DomainError('FORBIDDEN', 'only a manager may change a product’s margin floor', [{ field, message: 'may be changed by a manager only' }]);
}
