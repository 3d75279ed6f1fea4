import { createHash } from 'node:crypto';
import { parseBankStatement } from '@portal/bank-statements';
import {
  Dec, DomainError, assertReceipt, calendarDate, currencyScale, formatCreditorReference, midnightUtc, planAllocation, proposeMatches, reversalOf,
  type Actor, type AllocationPlan, type LedgerEntry, type MatchProposal, type StatementCredit,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type {
  AllocateBody, ConfirmLineBody, ImportStatementBody, IgnoreLineBody, LedgerEntryView, RecordReceiptBody, ReceiptView, StatementImportView, StatementLineView, WriteOffBody, z,
} from '@portal/schemas';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/tx.ts';
import { isUniqueViolation } from '../../infra/tx.ts';
import type { FinanceSettingsService } from './finance-settings.service.ts';
import * as repo from './payments.repository.ts';
import { balanceFields } from './schedule.service.ts';
import { tellReaders } from './payments.tell.ts';

type Meta = { requestId?: string };
const day = (d: Date | null) => (d ? calendarDate(d) : null);
const m = (amount: Prisma.Decimal | Dec | string, currency: string) => ({ amount: new Dec(amount.toString()).toFixed(currencyScale(currency)), currency });
const bad = (field: string, message: string, title = message): never => {
  throw new DomainError('VALIDATION', title, [{ field, message }]);
};

function toEntryView(e: repo.EntryRow): LedgerEntryView {
  return {
    id: e.id, kind: e.kind, itemId: e.itemId, itemReference: formatCreditorReference(e.item.reference), contractNumber: e.item.contract.number,
    amount: m(e.amount, e.currency), reversesId: e.reversesId, reversed: e.reversal !== null, note: e.note, createdAt: e.createdAt.toISOString(),
  };
}

function toReceiptView(r: repo.ReceiptRow): ReceiptView {
  return {
    id: r.id, customer: r.buyerCompany, contractId: r.contractId, valueDate: calendarDate(r.valueDate), amount: m(r.amount, r.currency), bankCharges: m(r.bankCharges, r.currency),
    allocated: m(r.allocated, r.currency), unallocated: m(r.amount.minus(r.allocated), r.currency), bankReference: r.bankReference, payerName: r.payerName, note: r.note,
    fromStatement: r.statementLineId !== null, createdAt: r.createdAt.toISOString(), entries: r.entries.map(toEntryView),
  };
}

/**
 * Receipts and the ledger (finance's): recording money received, allocating it to open items (partial
 * payments, one payment for several items, bank charges written off within the tolerance, the rest
 * kept as the customer's credit), reversals and write-offs; and bank statement imports whose credits
 * are matched to open items and confirmed (or corrected) by finance. Every booking is audited and
 * written with its notices in one transaction, under row locks on the receipt and the items.
 */
export function createReceiptsService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; settings: FinanceSettingsService }) {
  const { prisma, clock, publicUrl, settings } = deps;
  const today = () => calendarDate(clock.now());

  /** Adds booked amounts to an item's totals and recomputes its balance and status. */
  async function applyToItem(tx: Db, item: repo.ItemRow, delta: { paid?: Dec; bankCharges?: Dec; writtenOff?: Dec }) {
    const paid = new Dec(item.paidAmount.toFixed()).plus(delta.paid ?? 0);
    const bankCharges = new Dec(item.bankCharges.toFixed()).plus(delta.bankCharges ?? 0);
    const writtenOff = new Dec(item.writtenOff.toFixed()).plus(delta.writtenOff ?? 0);
    await repo.updateItem(tx, item.id, {
      paidAmount: paid.toFixed(2), bankCharges: bankCharges.toFixed(2), writtenOff: writtenOff.toFixed(2),
      ...balanceFields({ amount: item.amount.toFixed(), paid, bankCharges, writtenOff, dueDate: day(item.dueDate) }, today()),
    });
  }

  /**
   * Books an allocation plan of a receipt inside the transaction: the receipt and its items locked
   * and re-read, the plan checked again against what is there now (an item cannot be allocated above
   * its open amount, a receipt not beyond its amount), entries written, totals kept, audited, the buyer told.
   */
  async function book(tx: Db, actor: Actor, receiptId: string, request: { allocations: readonly { itemId: string; amount: string }[]; writeOffBankCharges: boolean }, meta: Meta, fieldPrefix = 'body'): Promise<AllocationPlan> {
    await repo.lockReceipt(tx, receiptId);
    const ids = [...new Set(request.allocations.map((a) => a.itemId))].sort();
    await repo.lockItems(tx, ids);
    const receipt = (await repo.findReceipt(tx, receiptId))!;
    const items = await repo.findItemsByIds(tx, ids);
    const tolerance = (await settings.get(tx)).bankChargeTolerance;
    let plan: AllocationPlan;
    try {
      plan = planAllocation(
        { id: receipt.id, customerId: receipt.buyerCompanyId, currency: receipt.currency, amount: receipt.amount.toFixed(), allocated: receipt.allocated.toFixed() },
        items.map((i) => ({ id: i.id, customerId: i.buyerCompanyId, currency: i.currency, amount: i.amount.toFixed(), paid: i.paidAmount.toFixed(), bankCharges: i.bankCharges.toFixed(), writtenOff: i.writtenOff.toFixed(), dueDate: day(i.dueDate) })),
        request,
        tolerance,
      );
    } catch (err) {
      // The domain names fields relative to the request; the API names them in the body.
      if (err instanceof DomainError && err.code === 'VALIDATION') throw new DomainError('VALIDATION', err.message, (err.fields ?? []).map((f) => ({ ...f, field: `${fieldPrefix}.${f.field}` })));
      throw err;
    }
    const byId = new Map(items.map((i) => [i.id, i]));
    const base = { receiptId, buyerCompanyId: receipt.buyerCompanyId, currency: receipt.currency, createdById: actor.userId };
    const perItem = new Map<string, { paid: Dec; bankCharges: Dec }>();
    for (const a of plan.allocations) {
      await repo.createEntry(tx, { ...base, kind: 'ALLOCATION', itemId: a.itemId, amount: a.amount });
      const t = perItem.get(a.itemId) ?? { paid: new Dec(0), bankCharges: new Dec(0) };
      perItem.set(a.itemId, { ...t, paid: t.paid.plus(a.amount) });
    }
    for (const w of plan.bankChargeWriteOffs) {
      await repo.createEntry(tx, { ...base, kind: 'BANK_CHARGES', itemId: w.itemId, amount: w.amount, note: 'short payment within the bank charge tolerance' });
      const t = perItem.get(w.itemId) ?? { paid: new Dec(0), bankCharges: new Dec(0) };
      perItem.set(w.itemId, { ...t, bankCharges: t.bankCharges.plus(w.amount) });
    }
    for (const [itemId, d] of perItem) await applyToItem(tx, byId.get(itemId)!, d);
    const allocated = plan.allocations.reduce((s, a) => s.plus(a.amount), new Dec(0));
    if (allocated.gt(0)) await repo.addToReceiptAllocated(tx, receiptId, allocated.toFixed(2));
    await recordAudit(tx, {
      actorId: actor.userId, companyId: receipt.buyerCompanyId, action: 'payments.allocate', entityType: 'PaymentReceipt', entityId: receiptId, requestId: meta.requestId,
      changes: { currency: receipt.currency, allocations: plan.allocations, bankChargeWriteOffs: plan.bankChargeWriteOffs, unallocated: plan.unallocated },
    });
    if (allocated.gt(0)) {
      await tellReaders(tx, await repo.buyerReaders(tx, receipt.buyerCompanyId), 'payments.received', {
        amount: m(receipt.amount, receipt.currency), allocated: m(allocated, receipt.currency), valueDate: receipt.valueDate, bankReference: receipt.bankReference,
      }, '/portal/payments', { publicUrl, now: clock.now() });
    }
    return plan;
  }

  async function receiptView(id: string): Promise<ReceiptView> {
    const r = await repo.findReceipt(prisma, id);
    if (!r) throw new DomainError('NOT_FOUND', 'receipt not found');
    return toReceiptView(r);
  }

  /** A buyer company that can pay (exists, is a buyer), else VALIDATION on the field. */
  async function payer(companyId: string, field: string) {
    const c = await repo.findCompany(prisma, companyId);
    if (!c || c.kind !== 'BUYER') bad(field, 'is not a buyer company', 'unknown customer');
    return c!;
  }

  async function lineView(l: repo.LineRow): Promise<StatementLineView> {
    const p = l.proposal as unknown as MatchProposal;
    const items = new Map((await repo.findItemsByIds(prisma, p.allocations.map((a) => a.itemId))).map((i) => [i.id, i]));
    const customer = p.customerId ? (await repo.findCompanies(prisma, [p.customerId]))[0] ?? null : null;
    return {
      id: l.id, status: l.status, amount: m(l.amount, l.currency), valueDate: day(l.valueDate), debtorName: l.debtorName, creditorReference: l.creditorReference,
      remittance: l.remittance, bankReference: l.accountServicerReference, reason: p.reason, detail: p.detail, alternatives: p.alternatives, customer,
      allocations: p.allocations.flatMap((a) => {
        const i = items.get(a.itemId);
        return i ? [{ itemId: a.itemId, amount: a.amount, reference: formatCreditorReference(i.reference), contractNumber: i.contract.number, open: i.openAmount.toFixed(2) }] : [];
      }),
      bankChargeWriteOffs: p.bankChargeWriteOffs, unallocated: p.unallocated, receiptId: l.receipt?.id ?? null,
    };
  }

  async function importView(id: string): Promise<StatementImportView> {
    const imp = await repo.findImport(prisma, id);
    if (!imp) throw new DomainError('NOT_FOUND', 'statement import not found');
    const lines = [];
    for (const l of imp.lines) lines.push(await lineView(l));
    return { id: imp.id, fileName: imp.fileName, message: imp.message, messageId: imp.messageId, account: imp.account, credits: imp.credits, duplicates: imp.duplicates, createdAt: imp.createdAt.toISOString(), lines };
  }

  return {
    receiptView,
    importView,

    /** Receipts, newest first, optionally of one customer. */
    async listReceipts(companyId?: string): Promise<ReceiptView[]> {
      return (await repo.listReceipts(prisma, companyId ? { buyerCompanyId: companyId } : {})).map(toReceiptView);
    },

    /** Records money received from a customer and, when finance says so, allocates it at once: one transaction. */
    async record(actor: Actor, body: z.output<typeof RecordReceiptBody>, meta: Meta): Promise<ReceiptView> {
      const company = await payer(body.companyId, 'body.companyId');
      if (body.contractId) {
        const c = await repo.findContractBrief(prisma, body.contractId);
        if (!c || c.buyerCompanyId !== company.id) bad('body.contractId', "is not a contract of this customer", 'receipt for another company’s contract');
        if (c!.currency !== body.currency) bad('body.currency', `must be ${c!.currency}, the contract's currency`, 'currency mismatch');
      }
      try {
        assertReceipt({ amount: body.amount, currency: body.currency, valueDate: body.valueDate, ...(body.bankCharges ? { bankCharges: body.bankCharges } : {}) }, today());
      } catch (err) {
        if (err instanceof DomainError && err.code === 'VALIDATION') throw new DomainError('VALIDATION', err.message, (err.fields ?? []).map((f) => ({ ...f, field: `body.${f.field}` })));
        throw err;
      }
      const id = await prisma.$transaction(async (tx) => {
        const { id } = await repo.createReceipt(tx, {
          buyerCompanyId: company.id, contractId: body.contractId ?? null, valueDate: midnightUtc(body.valueDate), amount: body.amount, currency: body.currency,
          bankCharges: body.bankCharges ?? '0', bankReference: body.bankReference, payerName: body.payerName ?? null, note: body.note ?? null, recordedById: actor.userId,
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: company.id, action: 'payments.receipt.record', entityType: 'PaymentReceipt', entityId: id, requestId: meta.requestId,
          changes: { amount: body.amount, currency: body.currency, valueDate: body.valueDate, bankReference: body.bankReference, bankCharges: body.bankCharges ?? '0' },
        });
        if (body.allocations.length > 0) await book(tx, actor, id, body, meta);
        return id;
      });
      return receiptView(id);
    },

    /** Allocates (more of) a receipt to open items. */
    async allocate(actor: Actor, receiptId: string, body: AllocateBody, meta: Meta): Promise<ReceiptView> {
      if (!(await repo.findReceipt(prisma, receiptId))) throw new DomainError('NOT_FOUND', 'receipt not found');
      await prisma.$transaction((tx) => book(tx, actor, receiptId, body, meta));
      return receiptView(receiptId);
    },

    /** Reverses one booked entry (a correction): the negated entry, the item's and receipt's totals restored, audited. */
    async reverse(actor: Actor, entryId: string, reason: string, meta: Meta): Promise<ReceiptView | null> {
      const e = await repo.findEntry(prisma, entryId);
      if (!e) throw new DomainError('NOT_FOUND', 'ledger entry not found');
      await prisma.$transaction(async (tx) => {
        if (e.receiptId) await repo.lockReceipt(tx, e.receiptId);
        await repo.lockItems(tx, [e.itemId]);
        const ledger = (await repo.findEntriesOfItems(tx, [e.itemId])).map((x): LedgerEntry => ({ ...x, amount: x.amount.toFixed() }));
        const rev = reversalOf(ledger.find((x) => x.id === e.id)!, ledger);
        try {
          await repo.createEntry(tx, { ...rev, buyerCompanyId: e.buyerCompanyId, currency: e.currency, itemId: e.itemId, note: reason, createdById: actor.userId });
        } catch (err) {
          if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'this entry has already been reversed');
          throw err;
        }
        const amount = new Dec(e.amount.toFixed()).negated();
        const item = (await repo.findItemsByIds(tx, [e.itemId]))[0]!;
        await applyToItem(tx, item, e.kind === 'ALLOCATION' ? { paid: amount } : e.kind === 'BANK_CHARGES' ? { bankCharges: amount } : { writtenOff: amount });
        if (e.kind === 'ALLOCATION' && e.receiptId) await repo.addToReceiptAllocated(tx, e.receiptId, amount.toFixed(2));
        await recordAudit(tx, {
          actorId: actor.userId, companyId: e.buyerCompanyId, action: 'payments.reverse', entityType: 'LedgerEntry', entityId: e.id, requestId: meta.requestId,
          changes: { kind: e.kind, amount: e.amount.toFixed(2), currency: e.currency, itemId: e.itemId, receiptId: e.receiptId, reason },
        });
      });
      return e.receiptId ? receiptView(e.receiptId) : null;
    },

    /** Writes off (bad debt) up to the open amount of an item, audited. */
    async writeOff(actor: Actor, itemId: string, body: z.output<typeof WriteOffBody>, meta: Meta): Promise<void> {
      await prisma.$transaction(async (tx) => {
        await repo.lockItems(tx, [itemId]);
        const item = (await repo.findItemsByIds(tx, [itemId]))[0];
        if (!item) throw new DomainError('NOT_FOUND', 'schedule item not found');
        if (new Dec(body.amount).gt(item.openAmount.toFixed())) bad('body.amount', `exceeds the open amount of the item (${item.currency} ${item.openAmount.toFixed(2)})`, 'write-off above the open amount');
        await repo.createEntry(tx, { kind: 'WRITE_OFF', itemId, buyerCompanyId: item.buyerCompanyId, currency: item.currency, amount: body.amount, note: body.reason, createdById: actor.userId });
        await applyToItem(tx, item, { writtenOff: new Dec(body.amount) });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: item.buyerCompanyId, action: 'payments.writeOff', entityType: 'PaymentScheduleItem', entityId: itemId, requestId: meta.requestId,
          changes: { amount: body.amount, currency: item.currency, reason: body.reason },
        });
      });
    },

    // ── Bank statements

    /**
     * Reads a camt.053 / camt.054 file of the exporter's accounts and proposes, for each credit not
     * imported before, how it pays open items (reference, text, amount + payer), with the reason.
     * The same entry coming again (this file twice, or the notice and then the statement) is counted
     * as a duplicate and not stored again; a file of another account is refused whole.
     */
    async importStatement(actor: Actor, body: z.output<typeof ImportStatementBody>, meta: Meta): Promise<StatementImportView> {
      const finance = await settings.get(prisma);
      const bytes = Buffer.from(body.content, 'utf8');
      let file;
      try {
        file = parseBankStatement(bytes, { accounts: finance.accounts });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'VALIDATION') throw new DomainError('VALIDATION', err.message, (err.fields ?? []).map((f) => ({ ...f, field: 'body.content', message: f.message })));
        throw err;
      }
      const credits = file.statements.flatMap((s) => s.credits);
      const seen = new Set((await repo.findExistingLineKeys(prisma, credits.map((c) => c.dedupeKey))).map((x) => x.dedupeKey));
      const fresh = credits.filter((c, i) => !seen.has(c.dedupeKey) && credits.findIndex((d) => d.dedupeKey === c.dedupeKey) === i);
      const currencies = [...new Set(fresh.map((c) => c.currency))];
      const open = await repo.findItems(prisma, { isOpen: true, currency: { in: currencies } }, 100_000);
      const entries: StatementCredit[] = fresh.map((c) => ({ key: c.dedupeKey, amount: c.amount, currency: c.currency, valueDate: c.valueDate, creditorReference: c.creditorReference, remittance: c.remittance, debtorName: c.debtorName }));
      const proposals = proposeMatches(entries, open.map((i) => ({
        id: i.id, customerId: i.buyerCompanyId, customerName: i.contract.buyerCompany.name, currency: i.currency, amount: i.amount.toFixed(), paid: i.paidAmount.toFixed(),
        bankCharges: i.bankCharges.toFixed(), writtenOff: i.writtenOff.toFixed(), dueDate: day(i.dueDate), reference: i.reference, documentNumbers: [i.contract.number],
      })), { bankChargeTolerance: finance.bankChargeTolerance });
      const account = file.statements[0]?.account;
      const id = await prisma.$transaction(async (tx) => {
        const { id } = await repo.createImport(tx, {
          fileName: body.fileName, fileHash: createHash('sha256').update(bytes).digest('hex'), message: `${file.message}.${file.version}`, messageId: file.messageId,
          account: account ? (account.iban ?? account.otherId) : null, credits: credits.length, duplicates: credits.length - fresh.length, importedById: actor.userId,
        });
        for (const [n, c] of fresh.entries()) {
          await tx.statementLine.create({
            data: {
              importId: id, dedupeKey: c.dedupeKey, amount: c.amount, currency: c.currency, valueDate: c.valueDate ? midnightUtc(c.valueDate) : null,
              bookingDate: c.bookingDate ? midnightUtc(c.bookingDate) : null, accountServicerReference: c.accountServicerReference, creditorReference: c.creditorReference,
              remittance: c.remittance, debtorName: c.debtorName, debtorIban: c.debtorIban, proposal: proposals[n] as unknown as Prisma.InputJsonValue,
            },
          });
        }
        await recordAudit(tx, {
          actorId: actor.userId, action: 'payments.statement.import', entityType: 'StatementImport', entityId: id, requestId: meta.requestId,
          changes: { fileName: body.fileName, message: file.message, messageId: file.messageId, credits: credits.length, duplicates: credits.length - fresh.length },
        });
        return id;
      });
      return importView(id);
    },

    async listImports() {
      return (await repo.listImports(prisma)).map((i) => ({ id: i.id, fileName: i.fileName, message: i.message, messageId: i.messageId, account: i.account, credits: i.credits, duplicates: i.duplicates, createdAt: i.createdAt.toISOString(), open: i._count.lines }));
    },

    /**
     * Confirms a statement line as proposed or corrected: a receipt from the line (at most one per
     * line), allocated as finance says, the line marked confirmed; one transaction.
     */
    async confirmLine(actor: Actor, lineId: string, body: z.output<typeof ConfirmLineBody>, meta: Meta): Promise<StatementImportView> {
      const l = await repo.findLine(prisma, lineId);
      if (!l) throw new DomainError('NOT_FOUND', 'statement line not found');
      if (l.status !== 'PROPOSED') throw new DomainError('CONFLICT', `this line is already ${l.status.toLowerCase()}`);
      await payer(body.companyId, 'body.companyId');
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.decideLine(tx, l.id, { status: 'CONFIRMED', decidedById: actor.userId, decidedAt: now }))) throw new DomainError('CONFLICT', 'this line was decided meanwhile');
        let receiptId: string;
        try {
          ({ id: receiptId } = await repo.createReceipt(tx, {
            buyerCompanyId: body.companyId, valueDate: l.valueDate ?? midnightUtc(today()), amount: l.amount, currency: l.currency, bankReference: l.accountServicerReference ?? l.dedupeKey.slice(0, 40),
            payerName: l.debtorName, note: l.remittance, statementLineId: l.id, recordedById: actor.userId,
          }));
        } catch (err) {
          if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'this line has already been booked');
          throw err;
        }
        await recordAudit(tx, {
          actorId: actor.userId, companyId: body.companyId, action: 'payments.receipt.record', entityType: 'PaymentReceipt', entityId: receiptId, requestId: meta.requestId,
          changes: { amount: l.amount.toFixed(2), currency: l.currency, statementLineId: l.id, reason: (l.proposal as { reason?: string }).reason ?? null },
        });
        if (body.allocations.length > 0) await book(tx, actor, receiptId, body, meta);
      });
      return importView(l.importId);
    },

    /** Marks a line as not a customer's payment (or booked elsewhere), with the reason. */
    async ignoreLine(actor: Actor, lineId: string, body: z.output<typeof IgnoreLineBody>, meta: Meta): Promise<StatementImportView> {
      const l = await repo.findLine(prisma, lineId);
      if (!l) throw new DomainError('NOT_FOUND', 'statement line not found');
      await prisma.$transaction(async (tx) => {
        if (!(await repo.decideLine(tx, l.id, { status: 'IGNORED', decidedById: actor.userId, decidedAt: clock.now() }))) throw new DomainError('CONFLICT', `this line is already ${l.status.toLowerCase()}`);
        await recordAudit(tx, { actorId: actor.userId, action: 'payments.statement.ignore', entityType: 'StatementLine', entityId: l.id, requestId: meta.requestId, changes: { reason: body.reason } });
      });
      return importView(l.importId);
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
