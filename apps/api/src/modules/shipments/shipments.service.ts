import type { AttachDocumentBody, ContractExecutionView, CreateShipmentBody, RecordEventBody, ShipmentView, TrackerRow, z } from '@portal/schemas';
import {
  DomainError, Dec, actualShipmentDate, assertCompanyMayTrade, assertContainerNumber, assertCanRecordEvent, assertVisibleTo, calendarDate, cartonsFor,
  commercialInvoiceTotals, companyScope, containerLoadCheck, containerSizeType, currentActuals, dcsaCodes, isStaff, lineProgress, midnightUtc, nextMilestone,
  quantityLimits, shipmentPunctuality, shipmentQuantityErrors, shipmentStatus, shipmentTimeline, validationError,
  type Actor, type Milestone, type Punctuality, type ScheduleShipment, type ShipmentEventRecord, type ShipmentStatus,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FileStore } from '../../infra/file-store.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import type { Db } from '../../infra/tx.ts';
import { shipmentsMessages } from './shipments.messages.ts';
import type { ScheduleService } from '../payments/schedule.service.ts';
import { commercialInvoiceDocument, invoicePayment, packingListDocument, renderCommercialInvoicePdf, renderPackingListPdf } from './shipment-documents-pdf.ts';
import * as repo from './shipments.repository.ts';
import type { Lang } from '../../infra/messages.ts';

type Meta = { requestId?: string };
type EventRow = Pick<repo.ShipmentRow['events'][number], 'id' | 'milestone' | 'classifier' | 'eventDate' | 'containerNumber' | 'batchNo' | 'onBoardDate' | 'supersedesId' | 'reason' | 'createdAt'>;

/** The domain's view of a stored event. */
export function toEventRecord(e: EventRow): ShipmentEventRecord {
  return {
    id: e.id, milestone: e.milestone, classifier: e.classifier, date: calendarDate(e.eventDate), recordedAt: e.createdAt.toISOString(),
    containerNumber: e.containerNumber, batchNo: e.batchNo, onBoardDate: e.onBoardDate ? calendarDate(e.onBoardDate) : null, supersedesId: e.supersedesId, reason: e.reason,
  };
}

/** Contract states in which execution is recorded. */
const executing = new Set(['CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED']);
const departedStates = new Set<ShipmentStatus>(['DEPARTED', 'ARRIVED', 'DELIVERED']);
const punctualityRank = { ON_TIME: 0, AT_RISK: 1, LATE: 2 } as const;
const statusRank: Record<ShipmentStatus, number> = { PLANNED: 0, BOOKED: 1, DEPARTED: 2, ARRIVED: 3, DELIVERED: 4, CANCELLED: 5 };

/** Prefixes a rule's fields with where the client sent them (`date` → `body.date`). */
function inBody<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof DomainError && err.fields) throw new DomainError(err.code, err.message, err.fields.map((f) => ({ field: `${prefix}.${f.field}`, message: f.message })));
    throw err;
  }
}

/** The worst punctuality of several shipments (no shipment: the contract's own, from no events). */
function worstPunctuality(list: Punctuality[], latestShipmentDate: string, today: string): Punctuality {
  if (list.length === 0) return shipmentPunctuality([], latestShipmentDate, today);
  return list.reduce((w, p) => (punctualityRank[p.status] > punctualityRank[w.status] || (p.status === w.status && p.daysLate > w.daysLate) ? p : w));
}

/**
 * Contract execution: shipments of a confirmed contract (partial where the contract allows, never
 * beyond its quantity and tolerance), their milestones as DCSA-coded events from which each
 * shipment's state is derived, containers, the commercial invoice and packing list, uploaded
 * documents, and the buyer's tracker. Each change is audited and told to the buyer, in their
 * language, in the same transaction.
 */
/** `schedule`: the payment schedule, refreshed in the same transaction when a shipment's dates change what falls due. */
export function createShipmentsService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; files: FileStore; schedule?: Pick<ScheduleService, 'refreshSchedule'> }) {
  const { prisma, clock, publicUrl, files } = deps;
  const today = () => calendarDate(clock.now());

  async function loadContract(actor: Actor, contractId: string, db: Db = prisma): Promise<repo.ExecContractRow> {
    const c = await repo.findContract(db, contractId);
    if (!c) throw new DomainError('NOT_FOUND', 'contract not found');
    assertVisibleTo(actor, c.buyerCompanyId, 'contract');
    return c;
  }

  async function loadShipment(actor: Actor, shipmentId: string, db: Db = prisma) {
    const s = await repo.findShipment(db, shipmentId);
    if (!s) throw new DomainError('NOT_FOUND', 'shipment not found');
    assertVisibleTo(actor, s.contract.buyerCompanyId, 'shipment');
    return s;
  }

  async function portsOf(codes: (string | null)[], db: Db = prisma) {
    return new Map((await repo.findPorts(db, codes.filter((c): c is string => Boolean(c)))).map((p) => [p.code, p]));
  }

  function shipmentValue(c: repo.ExecContractRow, s: Pick<repo.ShipmentRow, 'lines'>) {
    const priced = s.lines.map((l) => ({ quantity: l.quantity.toFixed(), unitPrice: c.lines.find((x) => x.id === l.contractLineId)!.unitPrice.toFixed() }));
    return commercialInvoiceTotals(priced, c.currency);
  }

  function toShipmentView(actor: Actor, c: repo.ExecContractRow, s: repo.ShipmentRow, ports: Map<string, { code: string; name: string }>, now: string): ShipmentView {
    const staff = isStaff(actor.role);
    const records = s.events.map(toEventRecord);
    const port = (code: string | null) => (code ? { code, name: ports.get(code)?.name ?? code } : null);
    const totals = shipmentValue(c, s);
    const lineOf = (id: string) => c.lines.find((l) => l.id === id)!;
    const base = `/api/shipments/${s.id}`;
    return {
      id: s.id, number: s.number, contractId: s.contractId, status: s.status,
      carrier: s.carrier, vessel: s.vessel, voyage: s.voyage, bookingNumber: s.bookingNumber,
      portOfLoading: port(s.portOfLoadingCode ?? c.portOfLoadingCode), portOfDischarge: port(s.portOfDischargeCode ?? c.portOfDischargeCode),
      etd: s.etd ? calendarDate(s.etd) : null, eta: s.eta ? calendarDate(s.eta) : null,
      blNumber: s.blNumber, blDate: s.blDate ? calendarDate(s.blDate) : null, onBoardDate: s.onBoardDate ? calendarDate(s.onBoardDate) : null,
      invoiceNumber: s.invoiceNumber,
      value: { amount: totals.total, currency: c.currency },
      lines: s.lines.map((l, i) => {
        const cl = lineOf(l.contractLineId);
        return { contractLineNo: cl.lineNo, description: cl.description, quantity: l.quantity.toFixed(), unit: cl.unit, cartons: l.cartons, containerNumber: l.containerNumber, amount: { amount: totals.amounts[i]!, currency: c.currency } };
      }).sort((a, b) => a.contractLineNo - b.contractLineNo),
      containers: s.containers.map((k) => ({
        containerNumber: k.containerNumber, sizeType: k.sizeType, sizeName: containerSizeType(k.sizeType).name, sealNumber: k.sealNumber, cartons: k.cartons,
        cargoGrossKg: k.cargoGrossKg.toFixed(2), cbm: k.cbm.toFixed(3), vgmKg: k.vgmKg?.toFixed(2) ?? null,
      })),
      timeline: shipmentTimeline(records, now),
      events: s.events.map((e) => ({
        id: e.id, milestone: e.milestone, classifier: e.classifier, eventType: e.eventType, eventCode: e.eventCode, documentTypeCode: e.documentTypeCode,
        date: calendarDate(e.eventDate), containerNumber: e.containerNumber, batchNo: e.batchNo, onBoardDate: e.onBoardDate ? calendarDate(e.onBoardDate) : null,
        location: e.location, supersedesId: e.supersedesId, supersededById: e.supersededBy?.id ?? null, reason: e.reason, recordedBy: e.createdBy.name, recordedAt: e.createdAt.toISOString(),
        ...(staff ? { note: e.note } : {}),
      })),
      punctuality: shipmentPunctuality(records, calendarDate(c.latestShipmentDate), now),
      nextMilestone: s.status === 'CANCELLED' ? null : nextMilestone(records, now),
      documents: [
        { id: 'commercial-invoice', kind: 'COMMERCIAL_INVOICE' as const, number: s.invoiceNumber, issuedOn: s.invoiceDate ? calendarDate(s.invoiceDate) : null, fileName: `${s.invoiceNumber ?? s.number}.pdf`, url: `${base}/commercial-invoice`, generated: true },
        { id: 'packing-list', kind: 'PACKING_LIST' as const, number: s.invoiceNumber, issuedOn: s.invoiceDate ? calendarDate(s.invoiceDate) : null, fileName: `PL-${s.invoiceNumber ?? s.number}.pdf`, url: `${base}/packing-list`, generated: true },
        ...s.documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, issuedOn: d.issuedOn ? calendarDate(d.issuedOn) : null, fileName: d.attachment.fileName, url: `${base}/documents/${d.id}`, generated: false })),
      ],
      ...(staff ? { note: s.note } : {}),
    };
  }

  /** One shipment as on the tracker; `contract`, its contract, when the caller has just read it. */
  async function shipmentView(actor: Actor, shipmentId: string, contract?: repo.ExecContractRow): Promise<ShipmentView> {
    const s = await loadShipment(actor, shipmentId);
    const c = contract ?? (await repo.findContract(prisma, s.contractId))!;
    const ports = await portsOf([c.portOfLoadingCode, c.portOfDischargeCode, s.portOfLoadingCode, s.portOfDischargeCode]);
    return toShipmentView(actor, c, s, ports, today());
  }

  async function executionOf(actor: Actor, c: repo.ExecContractRow, db: Db = prisma): Promise<ContractExecutionView> {
    const shipments = await repo.findShipmentsOfContract(db, c.id);
    const ports = await portsOf([c.portOfLoadingCode, c.portOfDischargeCode, ...shipments.flatMap((s) => [s.portOfLoadingCode, s.portOfDischargeCode])], db);
    const live = shipments.filter((s) => s.status !== 'CANCELLED');
    const quantities = (list: typeof live) => list.flatMap((s) => s.lines.map((l) => ({ contractLineId: l.contractLineId, quantity: l.quantity.toFixed() })));
    // Shipped is what has left; a planned or booked shipment's quantities are planned.
    const progress = lineProgress(quantityContract(c), quantities(live.filter((s) => departedStates.has(s.status))), quantities(live.filter((s) => !departedStates.has(s.status))));
    const now = today();
    return {
      contract: {
        id: c.id, number: c.number, status: c.status, buyerCompany: { id: c.buyerCompany.id, name: c.buyerCompany.name }, incoterm: c.incoterm, namedPlace: c.namedPlace,
        latestShipmentDate: calendarDate(c.latestShipmentDate), partialShipmentAllowed: c.partialShipmentAllowed, currency: c.currency,
        total: { amount: c.totalAmount.toFixed(2), currency: c.currency },
      },
      lines: progress.map((p) => {
        const l = c.lines.find((x) => x.id === p.contractLineId)!;
        return {
          contractLineNo: p.lineNo, productId: l.product?.id ?? null, description: l.description, unit: l.unit, ordered: p.ordered, shipped: p.shipped, planned: p.planned, remaining: p.remaining, mayStillShip: p.mayStillShip,
          tolerancePercent: quantityLimits({ id: l.id, lineNo: l.lineNo, quantity: l.quantity.toFixed(), unit: l.unit }, null).percent, complete: p.complete,
        };
      }),
      shipments: shipments.map((s) => toShipmentView(actor, c, s, ports, now)),
    };
  }

  function quantityContract(c: repo.ExecContractRow) {
    return { partialShipmentAllowed: c.partialShipmentAllowed, moreOrLessPercent: null, lines: c.lines.map((l) => ({ id: l.id, lineNo: l.lineNo, quantity: l.quantity.toFixed(), unit: l.unit })) };
  }

  /** After an event: the shipment's derived state and dates, the contract lines' shipped quantities and the contract's state. */
  async function settle(tx: Db, c: repo.ExecContractRow, shipmentId: string, now: Date): Promise<{ from: ShipmentStatus; to: ShipmentStatus }> {
    // The contract's shipments as they are now, this one with what was just written to it.
    const all = await repo.findShipmentsOfContract(tx, c.id);
    const s = all.find((x) => x.id === shipmentId)!;
    const records = s.events.map(toEventRecord);
    const actuals = currentActuals(records);
    const act = (m: Milestone) => actuals.filter((e) => e.milestone === m).map((e) => e.date).sort().at(-1) ?? null;
    const latestOf = (m: Milestone, cl: 'EST' | 'PLN') => [...records].filter((e) => e.milestone === m && e.classifier === cl).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1)?.date ?? null;
    const bl = actuals.find((e) => e.milestone === 'BL_ISSUED') ?? null;
    const status = shipmentStatus(records, s.status === 'CANCELLED');
    const departedOn = actualShipmentDate(records) ?? act('LOADED');
    const d = (v: string | null) => (v ? midnightUtc(v) : null);
    await repo.updateShipment(tx, s.id, {
      status,
      atd: d(act('DEPARTED')), ata: d(act('ARRIVED')), deliveredOn: d(act('DELIVERED')),
      etd: d(latestOf('DEPARTED', 'EST') ?? latestOf('DEPARTED', 'PLN')), eta: d(latestOf('ARRIVED', 'EST') ?? latestOf('ARRIVED', 'PLN')),
      blDate: d(bl?.date ?? null), onBoardDate: d(bl?.onBoardDate ?? null),
      containerNumbers: s.containers.map((k) => k.containerNumber),
      ...(departedOn && !s.invoiceDate ? { invoiceDate: midnightUtc(departedOn) } : {}),
      updatedAt: now,
    });
    // Shipped quantities: what shipments that have left carry.
    const gone = all.filter((x) => departedStates.has(x.id === s.id ? status : x.status));
    for (const l of c.lines) {
      const q = gone.flatMap((x) => x.lines).filter((x) => x.contractLineId === l.id).reduce((sum, x) => sum.plus(x.quantity.toFixed()), new Dec(0));
      // Most events move no goods: the quantity is written when it changed.
      if (!l.shippedQuantity.equals(q.toFixed(3))) await repo.setShippedQuantity(tx, l.id, q.toFixed(3));
    }
    const progress = lineProgress(quantityContract(c), gone.flatMap((x) => x.lines.map((l) => ({ contractLineId: l.contractLineId, quantity: l.quantity.toFixed() }))));
    const started = all.some((x) => x.events.some((e) => e.classifier === 'ACT'));
    const next = gone.length > 0 ? (progress.every((p) => p.complete) ? 'SHIPPED' : 'PARTIALLY_SHIPPED') : started ? 'IN_PRODUCTION' : c.status;
    if (next !== c.status && executing.has(c.status)) await repo.updateContractStatus(tx, c.id, next as repo.ExecContractRow['status']);
    return { from: s.status, to: status };
  }

  /** Tells the buyer's users of a milestone, each in their language, in the portal and by mail. */
  async function tellBuyer(tx: Db, c: repo.ExecContractRow, s: { id: string; number: string; vessel: string | null }, kind: 'shipment.milestone' | 'shipment.corrected', params: Record<string, string>, now: Date) {
    const readers = await repo.findBuyerReaders(tx, c.buyerCompanyId);
    const all = { ...params, date: midnightUtc(params.date!), contract: c.number, shipment: s.number };
    await notifyAndMail(tx, readers, shipmentsMessages, { kind, params: all, link: `/portal/contracts/${c.id}/tracking`, topic: kind }, { publicUrl, now });
  }

  return {
    /** A contract's execution record: lines with shipped and remaining quantities, shipments with timelines, containers and documents (buyers: their own). */
    async execution(actor: Actor, contractId: string): Promise<ContractExecutionView> {
      return executionOf(actor, await loadContract(actor, contractId));
    },

    /** One shipment, as on the tracker. */
    async get(actor: Actor, shipmentId: string): Promise<ShipmentView> {
      return shipmentView(actor, shipmentId);
    },

    /**
     * Plans a shipment of a confirmed contract: the lines and quantities it carries (checked against
     * the contract, its tolerance and what other shipments carry; one shipment carrying everything
     * where partial shipment is not allowed), and its planned departure.
     */
    async create(actor: Actor, contractId: string, body: z.output<typeof CreateShipmentBody>, meta: Meta): Promise<ContractExecutionView> {
      assertCompanyMayTrade(actor);
      const c = await loadContract(actor, contractId);
      if (c.status === 'ISSUED') throw new DomainError('CONFLICT', 'the buyer has not confirmed this contract yet: nothing ships before');
      if (!executing.has(c.status) || c.status === 'SHIPPED') throw new DomainError('CONFLICT', `a ${c.status.toLowerCase()} contract takes no new shipment`);
      const errors: { field: string; message: string }[] = [];
      const proposed = body.lines.map((l, i) => {
        const line = c.lines.find((x) => x.lineNo === l.contractLineNo);
        if (!line) errors.push({ field: `body.lines.${i}.contractLineNo`, message: `is not a line of contract ${c.number}` });
        return { contractLineId: line?.id ?? `missing-${i}`, quantity: l.quantity };
      });
      if (errors.length) throw validationError(errors, 'unknown contract line');
      const now = clock.now();
      const planned = body.plannedDeparture ?? calendarDate(c.latestShipmentDate);
      await prisma.$transaction(async (tx) => {
        await repo.lockContract(tx, c.id);
        const others = (await repo.findShipmentsOfContract(tx, c.id)).filter((s) => s.status !== 'CANCELLED');
        const qErrors = shipmentQuantityErrors(quantityContract(c), others.flatMap((s) => s.lines.map((l) => ({ contractLineId: l.contractLineId, quantity: l.quantity.toFixed() }))), proposed);
        if (qErrors.length) throw validationError(qErrors.map((e) => ({ field: `body.${e.field}`, message: e.message })), 'quantities the contract does not allow');
        const number = await nextDocumentNumber(tx, 'SHP', now);
        const created = await repo.createShipment(tx, {
          number, contractId: c.id, status: 'PLANNED', portOfLoadingCode: c.portOfLoadingCode, portOfDischargeCode: c.portOfDischargeCode,
          invoiceNumber: number.replace(/^SHP/, 'CI'), etd: midnightUtc(planned), note: body.note ?? null, createdById: actor.userId, createdAt: now, updatedAt: now,
          lines: {
            create: proposed.map((p) => {
              const line = c.lines.find((x) => x.id === p.contractLineId)!;
              return { contractLineId: line.id, quantity: p.quantity, cartons: line.product ? cartonsFor(p.quantity, line.product.unitsPerCarton) : null };
            }),
          },
          events: { create: [{ milestone: 'DEPARTED', classifier: 'PLN', eventType: 'TRANSPORT', eventCode: 'DEPA', eventDate: midnightUtc(planned), createdById: actor.userId, createdAt: now }] },
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'shipment.create', entityType: 'Shipment', entityId: created.id, requestId: meta.requestId,
          changes: { contract: c.number, number, plannedDeparture: planned, lines: body.lines.map((l) => ({ lineNo: l.contractLineNo, quantity: l.quantity })) },
        });
        await deps.schedule?.refreshSchedule(tx, c.id, actor.userId);
      });
      return executionOf(actor, c);
    },

    /**
     * Records a milestone of a shipment: a plan, an estimate (revising the one before) or an actual
     * (correcting an earlier actual only by superseding it, with the reason), in lifecycle order and
     * never in the future. A confirmed booking brings its vessel, ports, ETD and ETA; a stuffed
     * container its figures; a B/L its number and on-board date. The buyer hears of actuals.
     */
    async recordEvent(actor: Actor, shipmentId: string, body: z.output<typeof RecordEventBody>, meta: Meta): Promise<ShipmentView> {
      assertCompanyMayTrade(actor);
      const now = clock.now();
      const date = today();
      // The checks run on the shipment as locked, so nothing checked can change before the event is written.
      const { shipmentId: changed, contract: c } = await prisma.$transaction(async (tx) => {
        await repo.lockShipment(tx, shipmentId);
        const s = await loadShipment(actor, shipmentId, tx);
        const c = (await repo.findContract(tx, s.contractId))!;
        if (!executing.has(c.status)) throw new DomainError('CONFLICT', `the contract is ${c.status.toLowerCase()}: no milestones are recorded on it`);
        if (s.status === 'CANCELLED') throw new DomainError('CONFLICT', 'the shipment is cancelled');
        const code = dcsaCodes[body.milestone];
        const containerNumber = body.containerNumber ? inBody('body', () => assertContainerNumber(body.containerNumber!, 'containerNumber')) : null;
        if (body.container) {
          const check = inBody('body.container', () => containerLoadCheck({ sizeType: body.container!.sizeType, cargoGrossKg: body.container!.cargoGrossKg, cbm: body.container!.cbm, vgmKg: body.container!.vgmKg ?? null }));
          if (check.errors.length) throw validationError(check.errors.map((e) => ({ field: `body.container.${e.field}`, message: e.message })), 'the container’s figures do not hold');
          const known = new Set(s.lines.map((l) => c.lines.find((x) => x.id === l.contractLineId)!.lineNo));
          body.container.lineNos?.forEach((n, i) => {
            if (!known.has(n)) throw validationError([{ field: `body.container.lineNos.${i}`, message: 'is not a line of this shipment' }]);
          });
        }
        if (body.booking) {
          const ports = await portsOf([body.booking.portOfLoadingCode, body.booking.portOfDischargeCode], tx);
          const bad = (['portOfLoadingCode', 'portOfDischargeCode'] as const).filter((k) => !ports.has(body.booking![k]));
          if (bad.length) throw validationError(bad.map((k) => ({ field: `body.booking.${k}`, message: 'is not a known port' })));
        }
        const history = s.events.map(toEventRecord);
        const candidate: ShipmentEventRecord = {
          id: 'new', milestone: body.milestone, classifier: body.classifier, date: body.date, recordedAt: now.toISOString(), containerNumber, batchNo: body.batchNo ?? null,
          onBoardDate: body.onBoardDate ?? null, supersedesId: body.supersedesId ?? null, reason: body.reason ?? null,
        };
        inBody('body', () => assertCanRecordEvent(history, candidate, date));
        const created = await repo.createEvent(tx, {
          shipmentId: s.id, milestone: body.milestone, classifier: body.classifier, eventType: code.eventType, eventCode: code.code, documentTypeCode: code.documentTypeCode,
          eventDate: midnightUtc(body.date), containerNumber, batchNo: body.batchNo ?? null, onBoardDate: body.onBoardDate ? midnightUtc(body.onBoardDate) : null,
          supersedesId: body.supersedesId ?? null, reason: body.reason ?? null, location: body.location ?? null, note: body.note ?? null, createdById: actor.userId, createdAt: now,
        });
        const extra: Record<string, unknown> = {};
        if (body.booking) {
          const b = body.booking;
          await repo.updateShipment(tx, s.id, { carrier: b.carrier, vessel: b.vessel, voyage: b.voyage, bookingNumber: b.bookingNumber, portOfLoadingCode: b.portOfLoadingCode, portOfDischargeCode: b.portOfDischargeCode });
          // The booking's ETD and ETA are the carrier's estimates of departure and arrival.
          const later = new Date(now.getTime() + 1);
          await repo.createEvent(tx, { shipmentId: s.id, milestone: 'DEPARTED', classifier: 'EST', eventType: 'TRANSPORT', eventCode: 'DEPA', eventDate: midnightUtc(b.etd), location: b.portOfLoadingCode, createdById: actor.userId, createdAt: later });
          await repo.createEvent(tx, { shipmentId: s.id, milestone: 'ARRIVED', classifier: 'EST', eventType: 'TRANSPORT', eventCode: 'ARRI', eventDate: midnightUtc(b.eta), location: b.portOfDischargeCode, createdById: actor.userId, createdAt: later });
          Object.assign(extra, { booking: b });
        }
        if (body.container && containerNumber) {
          const k = body.container;
          const type = containerSizeType(k.sizeType, 'container.sizeType');
          await repo.upsertContainer(tx, s.id, { containerNumber, sizeType: type.code, sealNumber: k.sealNumber ?? null, cartons: k.cartons, cargoGrossKg: k.cargoGrossKg, cbm: k.cbm, vgmKg: k.vgmKg ?? null, createdAt: now });
          const lineIds = s.lines.filter((l) => {
            const no = c.lines.find((x) => x.id === l.contractLineId)!.lineNo;
            return k.lineNos ? k.lineNos.includes(no) : !l.containerNumber;
          }).map((l) => l.id);
          if (lineIds.length) await repo.setLineContainer(tx, lineIds, containerNumber);
          Object.assign(extra, { container: { ...k, containerNumber, sizeType: type.code } });
        }
        if (body.blNumber && body.milestone === 'BL_ISSUED') {
          await repo.updateShipment(tx, s.id, { blNumber: body.blNumber });
          Object.assign(extra, { blNumber: body.blNumber });
        }
        const state = await settle(tx, c, s.id, now);
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: body.supersedesId ? 'shipment.event.correct' : 'shipment.event.record', entityType: 'Shipment', entityId: s.id, requestId: meta.requestId,
          changes: {
            eventId: created.id, milestone: body.milestone, classifier: body.classifier, dcsa: `${code.eventType}/${code.code}${code.documentTypeCode ? `/${code.documentTypeCode}` : ''}`, date: body.date,
            ...(containerNumber ? { containerNumber } : {}), ...(body.batchNo ? { batchNo: body.batchNo } : {}), ...(body.onBoardDate ? { onBoardDate: body.onBoardDate } : {}),
            ...(body.supersedesId ? { supersedesId: body.supersedesId, reason: body.reason ?? null } : {}),
            ...(state.from !== state.to ? { status: { from: state.from, to: state.to } } : {}), ...(extra as Prisma.InputJsonObject),
          },
        });
        // B/L and on-board dates make balances due and start L/C presentation periods.
        await deps.schedule?.refreshSchedule(tx, c.id, actor.userId);
        // The buyer hears of what happened, and of changed expectations of departure and arrival.
        const vessel = body.booking ? `${body.booking.vessel} ${body.booking.voyage}` : s.vessel;
        const detail = body.milestone === 'BOOKING_CONFIRMED' && body.booking ? `${vessel}, ETD ${body.booking.etd}, ETA ${body.booking.eta}`
          : containerNumber ? containerNumber
          : body.blNumber ? `B/L ${body.blNumber}`
          : body.batchNo ? body.batchNo
          : vessel && ['DEPARTED', 'ARRIVED'].includes(body.milestone) ? vessel : 'none';
        if (body.supersedesId) await tellBuyer(tx, c, s, 'shipment.corrected', { milestone: body.milestone, date: body.date, reason: body.reason ?? '' }, now);
        else if (body.classifier === 'ACT' || ['DEPARTED', 'ARRIVED'].includes(body.milestone)) {
          await tellBuyer(tx, c, s, 'shipment.milestone', { milestone: body.milestone, classifier: body.classifier, date: body.date, detail }, now);
        }
        return { shipmentId: s.id, contract: c };
      });
      // Recording an event changes nothing of the contract that the view shows.
      return shipmentView(actor, changed, c);
    },

    /** Attaches an uploaded file (PDF or image, the upload route checked its size and type) as a document of the shipment. */
    async attachDocument(actor: Actor, shipmentId: string, body: z.output<typeof AttachDocumentBody>, meta: Meta): Promise<ShipmentView> {
      assertCompanyMayTrade(actor);
      const s = await loadShipment(actor, shipmentId);
      const a = await repo.findAttachment(prisma, body.attachmentId);
      if (!a || a.companyId !== actor.companyId) throw validationError([{ field: 'body.attachmentId', message: 'is not a file uploaded by your company' }]);
      if (a.inquiryId || a.negotiationMessageId || a.ticketMessageId || a.shipmentDocument || a.qualityCertificate) throw validationError([{ field: 'body.attachmentId', message: 'is already attached elsewhere; upload the file again' }]);
      if (!(a.contentType === 'application/pdf' || a.contentType.startsWith('image/'))) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'a shipping document must be a PDF or an image', [{ field: 'body.attachmentId', message: `is a ${a.contentType} file; upload a PDF, PNG, JPEG or WebP` }]);
      }
      const now = clock.now();
      const c = (await repo.findContract(prisma, s.contractId))!;
      await prisma.$transaction(async (tx) => {
        const d = await repo.createDocument(tx, { shipmentId: s.id, kind: body.kind, number: body.number ?? null, issuedOn: body.issuedOn ? midnightUtc(body.issuedOn) : null, attachmentId: a.id, uploadedById: actor.userId, createdAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'shipment.document.attach', entityType: 'Shipment', entityId: s.id, requestId: meta.requestId,
          changes: { documentId: d.id, kind: body.kind, number: body.number ?? null, fileName: a.fileName },
        });
      });
      return shipmentView(actor, s.id, c);
    },

    /** The commercial invoice of a shipment as PDF; the download is recorded. */
    async commercialInvoice(actor: Actor, shipmentId: string, lang: Lang = 'en'): Promise<{ fileName: string; content: Buffer }> {
      const s = await loadShipment(actor, shipmentId);
      const c = (await repo.findContract(prisma, s.contractId))!;
      const ports = await portsOf([c.portOfLoadingCode, c.portOfDischargeCode, s.portOfLoadingCode, s.portOfDischargeCode]);
      const payment = invoicePayment(await repo.findInvoicePayables(prisma, c.id, s.id), c.currency);
      const doc = commercialInvoiceDocument(c, s, ports, today(), lang, payment);
      await repo.recordDownload(prisma, { shipmentId: s.id, kind: 'COMMERCIAL_INVOICE', userId: actor.userId, companyId: actor.companyId, downloadedAt: clock.now() });
      return { fileName: `${doc.number}.pdf`, content: await renderCommercialInvoicePdf(doc, { lang }) };
    },

    /** The packing list of a shipment as PDF; the download is recorded. */
    async packingList(actor: Actor, shipmentId: string, lang: Lang = 'en'): Promise<{ fileName: string; content: Buffer }> {
      const s = await loadShipment(actor, shipmentId);
      const c = (await repo.findContract(prisma, s.contractId))!;
      const ports = await portsOf([c.portOfLoadingCode, c.portOfDischargeCode, s.portOfLoadingCode, s.portOfDischargeCode]);
      const doc = packingListDocument(c, s, ports, today(), lang);
      await repo.recordDownload(prisma, { shipmentId: s.id, kind: 'PACKING_LIST', userId: actor.userId, companyId: actor.companyId, downloadedAt: clock.now() });
      return { fileName: `PL-${doc.number}.pdf`, content: await renderPackingListPdf(doc, { lang }) };
    },

    /** An uploaded document of a shipment, to stream; the download is recorded. */
    async openDocument(actor: Actor, shipmentId: string, documentId: string) {
      const s = await loadShipment(actor, shipmentId);
      const d = s.documents.find((x) => x.id === documentId);
      if (!d) throw new DomainError('NOT_FOUND', 'document not found');
      const { stream, sizeBytes } = await files.open(d.attachment.storageKey);
      await repo.recordDownload(prisma, { shipmentId: s.id, kind: d.kind, documentId: d.id, userId: actor.userId, companyId: actor.companyId, downloadedAt: clock.now() });
      return { fileName: d.attachment.fileName, contentType: d.attachment.contentType, stream, sizeBytes };
    },

    /** Who downloaded which document of a shipment, newest first (staff). */
    async downloads(actor: Actor, shipmentId: string) {
      const s = await loadShipment(actor, shipmentId);
      return (await repo.findDownloads(prisma, s.id)).map((d) => ({ kind: d.kind, documentId: d.documentId, user: d.user.name, email: d.user.email, downloadedAt: d.downloadedAt.toISOString() }));
    },

    /** The tracker overview: every open contract (buyers: their own) with its next milestone and whether it is on time. */
    async tracker(actor: Actor): Promise<TrackerRow[]> {
      const now = today();
      const rows = await repo.findOpenContracts(prisma, companyScope(actor));
      return rows.map((c) => trackerRow(c, now));
    },

    /**
     * The shipments of a contract as payments build schedules from them: B/L and on-board dates,
     * invoice date, the shipped value in all and per line (quantity × unit price at the currency's scale).
     */
    async shipmentFactsForContract(contractId: string, db: Db = prisma): Promise<(ScheduleShipment & { currency: string; lines: { contractLineId: string; quantity: string; value: string }[] })[]> {
      const rows = await repo.findShipmentFacts(db, contractId);
      return rows.map((s) => {
        const totals = commercialInvoiceTotals(s.lines.map((l) => ({ quantity: l.quantity.toFixed(), unitPrice: l.contractLine.unitPrice.toFixed() })), s.contract.currency);
        const records = s.events.map(toEventRecord);
        const plannedDeparture = records.filter((e) => e.milestone === 'DEPARTED' && e.classifier !== 'ACT').sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1)?.date ?? null;
        return {
          id: s.id, number: s.number, value: totals.total, currency: s.contract.currency,
          plannedDeparture, blDate: s.blDate ? calendarDate(s.blDate) : null, onBoardDate: s.onBoardDate ? calendarDate(s.onBoardDate) : null,
          invoiceDate: s.invoiceDate ? calendarDate(s.invoiceDate) : null, presentedOn: null, acceptedOn: null,
          lines: s.lines.map((l, i) => ({ contractLineId: l.contractLineId, quantity: l.quantity.toFixed(), value: totals.amounts[i]! })),
        };
      });
    },
  };
}

/** One row of the tracker overview from a contract and its live shipments. */
export function trackerRow(c: repo.OpenContractRow, today: string): TrackerRow {
  const latest = calendarDate(c.latestShipmentDate);
  const per = c.shipments.map((s) => ({ s, records: s.events.map(toEventRecord) }));
  const open = per.filter((x) => x.s.status !== 'DELIVERED');
  const laggard = [...open].sort((a, b) => statusRank[a.s.status] - statusRank[b.s.status])[0] ?? null;
  const next = laggard ? nextMilestone(laggard.records, today) : per.length === 0 ? nextMilestone([], today) : null;
  const acts = per.flatMap((x) => currentActuals(x.records)).sort((a, b) => (a.date === b.date ? a.recordedAt.localeCompare(b.recordedAt) : a.date.localeCompare(b.date)));
  const last = acts.at(-1) ?? null;
  return {
    contractId: c.id, number: c.number, status: c.status, buyerCompany: c.buyerCompany, latestShipmentDate: latest,
    total: { amount: c.totalAmount.toFixed(2), currency: c.currency },
    shipments: c.shipments.length,
    shipmentStatus: laggard?.s.status ?? (per.length ? per[0]!.s.status : null),
    vessel: laggard?.s.vessel ?? per.find((x) => x.s.vessel)?.s.vessel ?? null,
    nextMilestone: next,
    punctuality: worstPunctuality(per.map((x) => shipmentPunctuality(x.records, latest, today)), latest, today),
    lastEvent: last ? { milestone: last.milestone, date: last.date } : null,
  };
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
