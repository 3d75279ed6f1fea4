import { DomainError, INQUIRY_LIST_LIMIT, assertListable, textInLanguage, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { InquiryListView } from '@portal/schemas';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/tx.ts';
import * as repo from './inquiries.repository.ts';

/**
 * The buyer's inquiry list: products collected on any device to ask for in one inquiry, each with
 * its quantity. Personal working data (no audit, no notices); sending the inquiry takes the products
 * it asks for off the list in the inquiry's own transaction (see InquiriesService.create).
 */
export function createInquiryListService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  async function view(actor: Actor, db: Db = prisma): Promise<InquiryListView> {
    const rows = await repo.findListItems(db, actor.userId);
    const lang = actor.locale === 'zh' ? 'zh' : 'en';
    return {
      limit: INQUIRY_LIST_LIMIT,
      items: rows.map((r) => ({
        productId: r.productId, sku: r.product.sku, name: textInLanguage(lang, r.product.nameEn, r.product.nameZh), unit: r.product.unit, moq: r.product.moq.toFixed(),
        quantity: r.quantity.toFixed(), addedAt: r.addedAt.toISOString(), available: r.product.status === 'ACTIVE', belowMoq: r.quantity.lt(r.product.moq),
      })),
    };
  }

  return {
    /** The caller's own list. */
    get: (actor: Actor) => view(actor),

    /** Puts a catalog product on the list with a quantity, or changes the quantity of one already there. */
    async put(actor: Actor, productId: string, quantity: string): Promise<InquiryListView> {
      return prisma.$transaction(async (tx) => {
        const [product, items] = await Promise.all([repo.findListableProduct(tx, productId), repo.findListItems(tx, actor.userId)]);
        assertListable(product, { size: items.length, has: items.some((i) => i.productId === productId) });
        await repo.upsertListItem(tx, { userId: actor.userId, productId, quantity, now: clock.now() });
        return view(actor, tx);
      });
    },

    /** Takes one product off the list. */
    async remove(actor: Actor, productId: string): Promise<InquiryListView> {
      if ((await repo.deleteListItems(prisma, actor.userId, [productId])) === 0) throw new DomainError('NOT_FOUND', 'the product is not on your inquiry list');
      return view(actor);
    },

    /** Empties the list. */
    async clear(actor: Actor): Promise<InquiryListView> {
      await repo.deleteListItems(prisma, actor.userId);
      return view(actor);
    },
  };
}

export type InquiryListService = ReturnType<typeof createInquiryListService>;
