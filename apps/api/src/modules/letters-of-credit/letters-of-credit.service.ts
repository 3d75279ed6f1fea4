import type { RecordLetterOfCreditBody, ReviewLetterOfCreditBody, SalesContractView, z } from '@portal/schemas';
import { DomainError, assertCompanyMayTrade, assertCanRecordLetterOfCredit, decideLetterOfCreditReview, midnightUtc, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { calendarDay } from '../../infra/messages.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { letterOfCreditMessages } from './letters-of-credit.messages.ts';
import { findBuyerUsers, findHandlers } from '../../infra/recipients.repository.ts';
import type { SalesContractsService } from '../sales-contracts/sales-contracts.service.ts';
import * as repo from './letters-of-credit.repository.ts';

type Meta = { requestId?: string };

/**
 * The letter of credit of a sales contract paid by L/C: the buyer records the credit their bank
 * opened, the exporter checks it against the contract and accepts it or asks for an amendment. Each
 * step is audited and told to the other side in the same transaction; the answer is the contract.
 */
export function createLettersOfCreditService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; contracts: Pick<SalesContractsService, 'load' | 'current'> }) {
  const { prisma, clock, publicUrl, contracts } = deps;

  return {
    /**
     * The buyer records the credit: only on an L/C contract that is confirmed and still live; saving
     * again (after an amendment request) sends it back to RECEIVED. The staff who follow the contract are told.
     */
    async record(actor: Actor, contractId: string, body: z.output<typeof RecordLetterOfCreditBody>, meta: Meta): Promise<SalesContractView> {
      assertCompanyMayTrade(actor);
      const c = await contracts.load(actor, contractId);
      assertCanRecordLetterOfCredit(c, body);
      const now = clock.now();
      const previous = c.lcStatus;
      await prisma.$transaction(async (tx) => {
        const saved = await repo.recordLetterOfCredit(tx, c.id, {
          lcNumber: body.number, lcIssuingBank: body.issuingBank, lcIssuingBankBic: body.issuingBankBic ?? null, lcIssueDate: midnightUtc(body.issueDate),
          lcExpiryDate: midnightUtc(body.expiryDate), lcLatestShipmentDate: midnightUtc(body.latestShipmentDate), lcPresentationDays: body.presentationDays,
          lcAmount: body.amount, lcCurrency: body.currency, lcReceivedAt: now,
        });
        if (!saved) throw new DomainError('CONFLICT', 'the contract or its letter of credit changed meanwhile; reload and try again');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.lc.record', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, lcStatus: { from: previous, to: 'RECEIVED' }, lc: { ...body, issuingBankBic: body.issuingBankBic ?? null } },
        });
        await notifyAndMail(tx, await findHandlers(tx, c.inquiry.assignedClerkId), letterOfCreditMessages, {
          kind: 'contract.lc.received', link: `/staff/contracts/${c.id}`,
          params: {
            buyer: c.buyerCompany.name, lcNumber: body.number, number: c.number, issuingBank: body.issuingBank,
            amount: { amount: body.amount, currency: body.currency }, expiryDate: calendarDay(body.expiryDate),
          },
        }, { publicUrl, now });
      });
      return contracts.current(c.id);
    },

    /** Staff accept a received credit, or ask the buyer to have it amended (with a note); the buyer's users are told. */
    async review(actor: Actor, contractId: string, body: z.output<typeof ReviewLetterOfCreditBody>, meta: Meta): Promise<SalesContractView> {
      const c = await contracts.load(actor, contractId);
      const status = decideLetterOfCreditReview(c, body.decision);
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.reviewLetterOfCredit(tx, c.id, { lcStatus: status, lcReviewNote: body.note ?? null, lcReviewedAt: now, lcReviewedById: actor.userId }))) {
          throw new DomainError('CONFLICT', 'the letter of credit was reviewed or changed meanwhile');
        }
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.lc.review', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, lcNumber: c.lcNumber, lcStatus: { from: 'RECEIVED', to: status }, note: body.note ?? null },
        });
        const accepted = status === 'ACCEPTED';
        await notifyAndMail(tx, await findBuyerUsers(tx, c.buyerCompanyId), letterOfCreditMessages, {
          kind: accepted ? 'contract.lc.accepted' : 'contract.lc.amendment',
          link: `/portal/contracts/${c.id}`,
          params: { lcNumber: c.lcNumber, number: c.number, note: body.note ?? '' },
        }, { publicUrl, now });
      });
      return contracts.current(c.id);
    },
  };
}

export type LettersOfCreditService = ReturnType<typeof createLettersOfCreditService>;
