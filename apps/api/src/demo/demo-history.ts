import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { demoPasswordHash, verifyPassword, type Prisma, type PrismaClient } from '@portal/db';
import { Dec, calendarDate, costPerUnit, figuresAtQuantity, type Actor } from '@portal/domain';
import {
  ApprovalBody, CounterOfferBody, CreateInquiryBody, DeclineBody, PostMessageBody, ProposeAmendmentBody, QuoteDraftBody, RecordLetterOfCreditBody, RegisterCompanyBody,
  ReviewLetterOfCreditBody,
} from '@portal/schemas';
import type { Clock } from '../infra/clock.ts';
import { createFileStore } from '../infra/file-store.ts';
import { createAttachmentsService } from '../modules/attachments/attachments.service.ts';
import { createAuthService } from '../modules/auth/auth.service.ts';
import { createCatalogEditingService } from '../modules/catalog/catalog-editing.service.ts';
import { createCatalogImagesService } from '../modules/catalog/catalog-images.service.ts';
import { createCategoryTree } from '../modules/catalog/category-tree.ts';
import { sheetInputSelect } from '../modules/costing/costing.repository.ts';
import { sheetFiguresOf } from '../modules/costing/costing.service.ts';
import { seedClaimsDemo } from '../modules/claims/claims.demo.ts';
import { createClaimsService } from '../modules/claims/claims.service.ts';
import { createCompaniesService } from '../modules/companies/companies.service.ts';
import { createInquiriesService } from '../modules/inquiries/inquiries.service.ts';
import { createLettersOfCreditService } from '../modules/letters-of-credit/letters-of-credit.service.ts';
import { createNegotiationService } from '../modules/negotiation/negotiation.service.ts';
import { createDunningService } from '../modules/payments/dunning.service.ts';
import { createFinanceSettingsService } from '../modules/payments/finance-settings.service.ts';
import { seedPaymentsDemo } from '../modules/payments/payments.demo.ts';
import { createReceiptsService } from '../modules/payments/receipts.service.ts';
import { createScheduleService } from '../modules/payments/schedule.service.ts';
import { createQualityCertificatesService } from '../modules/quality-certificates/quality-certificates.service.ts';
import { seedShipmentsDemo } from '../modules/shipments/shipments.demo.ts';
import { createShipmentsService } from '../modules/shipments/shipments.service.ts';
import { seedTicketsDemo } from '../modules/tickets/tickets.demo.ts';
import { createTicketsService } from '../modules/tickets/tickets.service.ts';
import { createQuotesService } from '../modules/quotes/quotes.service.ts';
import { createSalesContractsService } from '../modules/sales-contracts/sales-contracts.service.ts';
import { createSettingsService } from '../modules/settings/settings.service.ts';
import { clockStampedClient, inTransaction } from './demo-transaction.ts';
import { demoPictures, demoPicturesDir } from './demo-pictures.ts';

/*
 * The lived-in demo: on a first demo start, a few months of trade history written through the
 * API's own services — the same checks, audit entries, notifications and outbox mail as when
 * people do it — each step at its historic instant on the seed's clock, all in one transaction.
 * It runs after the base demo seed (@portal/db: users, companies, catalog) and only once: a
 * database that holds any inquiry is left as it is.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Recorded as the request id of every seeded audit entry, so the history can be told from what people did. */
const meta = { requestId: 'demo-history' };

/** The seed's clock: the services read it; the runner sets it to each step's instant. */
export type DemoClock = Clock & { set(at: Date): void };

function demoClock(start: Date): DemoClock {
  let now = start;
  return { now: () => now, set: (at) => void (now = at) };
}

/** A confirmed sales contract of the history, as later capabilities' demo seeds receive it. */
export type DemoContract = {
  id: string;
  number: string;
  buyerCompanyId: string;
  buyerCompanyName: string;
  currency: string;
  total: string;
  paymentMethod: string;
  /** Instant the buyer confirmed it (ISO). */
  confirmedAt: string;
  latestShipmentDate: string;
  lcStatus: 'RECEIVED' | 'ACCEPTED' | 'AMENDMENT_REQUESTED' | null;
};

/**
 * The services the history is written through, built as app.ts builds them but on the seed's
 * transaction and clock, with the demo users as actors. Later capabilities add their own service
 * here and receive this object in `seed<Feature>Demo(services, { contracts, today })`.
 */
export function buildDemoServices(prisma: PrismaClient, clock: DemoClock, opts: { publicUrl: string; dataDir: string }) {
  const { publicUrl } = opts;
  // Every demo account signs in with the one published demo password: whatever a seeded
  // registration types (it must pass the strength check, which the published one does not), its
  // account gets the demo password's hash, computed once for the whole seed.
  const passwords = { hash: (_typed: string) => demoPasswordHash(), verify: verifyPassword };
  // Nothing is cached about sessions before the app starts: there is nothing to forget.
  const sessions = { forgetUser: () => {}, forgetCompany: () => {} };
  const files = createFileStore(path.join(opts.dataDir, 'files'));
  const settings = createSettingsService({ prisma });
  const attachments = createAttachmentsService({ prisma, clock, files });
  // As in app.ts: the schedule reads the shipments' dates, and the shipments refresh the schedule.
  const financeSettings = createFinanceSettingsService({ prisma });
  const schedule = createScheduleService({ clock, shipmentFacts: (contractId, db) => shipments.shipmentFactsForContract(contractId, db), bankCalendar: (db) => financeSettings.bankCalendar(db) });
  const shipments = createShipmentsService({ prisma, clock, publicUrl, files, schedule });
  const salesContracts = createSalesContractsService({ prisma, clock, publicUrl, schedule });
  return {
    prisma,
    clock,
    actors: createActors(prisma),
    auth: createAuthService({ prisma, clock, passwords, publicUrl, sessions }),
    companies: createCompaniesService({ prisma, clock, publicUrl, sessions }),
    catalogImages: createCatalogImagesService({ prisma, clock, files }),
    catalogEditing: createCatalogEditingService({ prisma, clock, categories: createCategoryTree(prisma) }),
    inquiries: createInquiriesService({ prisma, clock, publicUrl, settings, attachments }),
    quotes: createQuotesService({ prisma, clock, publicUrl, settings }),
    negotiation: createNegotiationService({ prisma, clock, publicUrl, attachments, contracts: salesContracts, settings }),
    salesContracts,
    lettersOfCredit: createLettersOfCreditService({ prisma, clock, publicUrl, contracts: salesContracts }),
    shipments,
    qualityCertificates: createQualityCertificatesService({ prisma, clock, files }),
    financeSettings,
    receipts: createReceiptsService({ prisma, clock, publicUrl, settings: financeSettings }),
    dunning: createDunningService({ prisma, clock, publicUrl, settings: financeSettings }),
    tickets: createTicketsService({ prisma, clock, publicUrl, attachments }),
    attachments,
    claims: createClaimsService({ prisma, clock, publicUrl }),
  };
}

export type DemoServices = ReturnType<typeof buildDemoServices>;

/** A demo user as the services see a signed-in caller, read afresh each time (a company's standing changes). */
function createActors(prisma: PrismaClient) {
  return async function actor(email: string): Promise<Actor> {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, companyId: true, isCompanyAdmin: true, company: { select: { status: true } } } });
    return { userId: u.id, role: u.role, companyId: u.companyId, isCompanyAdmin: u.isCompanyAdmin, companyStatus: u.company.status };
  };
}

export type DemoHistory = { created: boolean; contracts: DemoContract[] };

/**
 * Writes the demo history once, in one transaction (several processes starting at once on one
 * database take turns; the later ones find it there). `now` is the present the history leads up to.
 */
export async function seedDemoHistory(prisma: PrismaClient, opts: { publicUrl: string; dataDir: string; now?: Date }): Promise<DemoHistory> {
  const now = opts.now ?? new Date();
  const clock = demoClock(now);
  const stamped = clockStampedClient(prisma, clock);
  return stamped.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      // Once only, and never over a portal in use: any inquiry means the history or real work is there.
      if ((await tx.inquiry.count()) > 0 || !(await tx.user.findUnique({ where: { email: 'buyer@demo.example' }, select: { id: true } }))) {
        return { created: false, contracts: [] };
      }
      const services = buildDemoServices(inTransaction(tx as unknown as Prisma.TransactionClient), clock, opts);
      const contracts = await writeHistory(services, now);

      await seedAfterSignature(services, contracts, now, opts.dataDir);

      clock.set(now);
      return { created: true, contracts };
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}

/**
 * What happened after the signatures, on the confirmed contracts of the history (by their story
 * keys' order of confirmation): execution records, collections, the service centre. Each capability
 * seeds through its own services; the clock stands at `now` except where a seed moves it.
 */
async function seedAfterSignature(s: DemoServices, contracts: DemoContract[], now: Date, dataDir: string) {
  const today = calendarDate(now);
  s.clock.set(now);
  const clerk = await s.actors('clerk@demo.example');
  // Execution: the oldest contracts are furthest along. The seed's five plans, in its order: in
  // production, booked, at sea, delivered, running late; each contract's confirmation lies before
  // the first actual date of its plan.
  const [bottles, tees, tumblers, knives, towels] = contracts;
  const executed = [towels, knives, tees, bottles, tumblers].filter((c): c is DemoContract => Boolean(c)).map((c) => c.id);
  // Each seed moves the clock to the moment of each of its steps, never past now.
  const at = (instant: Date) => s.clock.set(instant.getTime() < now.getTime() ? instant : now);
  const { shipments } = await seedShipmentsDemo({ shipments: s.shipments, qualityCertificates: s.qualityCertificates }, { contracts: executed, today, actor: clerk, at });
  s.clock.set(now);
  await nextTurn();
  // Collections: the T/T contracts first (deposit paid less bank charges, deposit paid in part), then
  // the delivered L/C contract (over-paid, the rest kept as credit); the rest stay open for ageing and dunning.
  await mkdir(dataDir, { recursive: true });
  const byPayment = [...contracts.filter((c) => c.paymentMethod === 'TT'), ...contracts.filter((c) => c.paymentMethod !== 'TT')];
  await seedPaymentsDemo(
    { prisma: s.prisma, receipts: s.receipts, dunning: s.dunning, settings: s.financeSettings, finance: await s.actors('finance@demo.example') },
    { contracts: byPayment.map((c) => c.id), today, sampleFile: path.join(dataDir, 'camt.053-demo.xml'), at, now },
  );
  s.clock.set(now);
  await nextTurn();
  // Claims on the delivered shipment (Northwind's bottles): one settled with a credit note, one under investigation.
  const delivered = (await s.prisma.shipment.findFirst({ where: { id: { in: shipments }, status: 'DELIVERED' }, select: { id: true } }))?.id;
  if (delivered) {
    await seedClaimsDemo({ claims: s.claims, attachments: s.attachments }, {
      shipmentId: delivered, buyer: await s.actors('buyer@demo.example'), clerk, manager: await s.actors('manager@demo.example'), finance: await s.actors('finance@demo.example'),
      today, at, photo: await readFile(path.join(demoPicturesDir, 'DW-BTL-500.png')),
    });
    s.clock.set(now);
    await nextTurn();
  }
  // The service centre: tickets of each kind, one past its response target.
  await seedTicketsDemo({ tickets: s.tickets }, { buyers: [await s.actors('buyer@demo.example'), await s.actors('buyer2@demo.example')], clerk, today, at });
  s.clock.set(now);
}

// ───────────────────────────── The story ─────────────────────────────

type Product = { id: string; sku: string; nameEn: string; unit: string; moq: string; listPrice: string; costSheetId: string; lead: number };
type Step = { at: Date; seq: number; run: () => Promise<void> };

const buyerCompanies = [
  {
    email: 'maple@demo.example', name: 'Ava Thompson',
    company: { name: 'Maple Leaf Home Goods Inc.', country: 'CA', addressLine1: '1200 Waterfront Road', city: 'Vancouver', postalCode: 'V6C 3L6', website: 'https://maple-home.example', phone: '+1 604 555 0142', defaultCurrency: 'CAD' },
  },
  {
    email: 'southerncross@demo.example', name: 'Liam O’Connor',
    company: { name: 'Southern Cross Homewares Pty Ltd', country: 'AU', addressLine1: '45 Wharf Street', city: 'Sydney', postalCode: 'NSW 2000', taxId: '51 824 753 556', defaultCurrency: 'AUD' },
  },
  {
    email: 'alnoor@demo.example', name: 'Omar Haddad',
    company: { name: 'Al Noor General Trading LLC', country: 'AE', addressLine1: 'Warehouse 14, Jebel Ali Free Zone', city: 'Dubai', phone: '+971 4 555 0190', defaultCurrency: 'USD' },
  },
] as const;

/** Each inquiry's path through the portal, from a few months ago up to today. Returns the confirmed contracts. */
async function writeHistory(s: DemoServices, now: Date): Promise<DemoContract[]> {
  const { prisma, clock } = s;
  const actor = s.actors;
  const steps: Step[] = [];
  const on = (at: Date, run: () => Promise<void>) => void steps.push({ at, seq: steps.length, run });
  /** `days` before today at this hour UTC (Ningbo office hours are 01:00–10:00 UTC), never later than now. */
  const day = (days: number, hour = 2, minute = 0) => {
    const d = new Date(now.getTime() - days * DAY);
    d.setUTCHours(hour, minute, 0, 0);
    return d.getTime() < now.getTime() ? d : new Date(now.getTime() - 60_000);
  };
  const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);
  const dateIn = (from: Date, days: number) => calendarDate(new Date(from.getTime() + days * DAY));

  const products = await loadProducts(prisma);
  const product = (sku: string) => products.get(sku) ?? (() => { throw new Error(`demo product ${sku} is missing`); })();
  const contracts = new Map<string, { contractId: string }>();
  const leadOf = (sku: string) => product(sku).lead;

  // ── Pictures: the manager puts a photo on every product, before the first inquiry.
  on(day(130, 3), async () => {
    const manager = await actor('manager@demo.example');
    for (const picture of await demoPictures()) {
      const p = products.get(picture.sku);
      if (!p) continue;
      const image = await s.catalogImages.upload(manager, { fileName: `${picture.sku.toLowerCase()}.png`, data: picture.data }, meta);
      const editable = await s.catalogEditing.getEditable(p.id);
      const { id: _id, updatedAt: _u, ...input } = editable;
      await s.catalogEditing.updateProduct(manager, p.id, {
        ...input,
        descriptionZh: input.descriptionZh ?? undefined, material: input.material ?? undefined, cartonNetWeightKg: input.cartonNetWeightKg ?? undefined,
        portOfLoadingCode: input.portOfLoadingCode ?? undefined, marginFloorRate: input.marginFloorRate ?? undefined,
        status: 'ACTIVE', unit: input.unit as never, incoterms: input.incoterms as never,
        priceTiers: input.priceTiers.map((t) => ({ ...t, incoterm: t.incoterm as never })),
        images: [{ url: image.url, alt: p.nameEn }],
      }, meta);
    }
  });

  // ── Three more buyer companies register, confirm their address and are approved.
  buyerCompanies.forEach((b, i) => {
    on(day(120 - i * 6, 14), async () => {
      // A registration password that passes the strength check; the account gets the demo password (see buildDemoServices).
      const typed = `${b.company.name.split(' ')[0]}-trade-${b.company.country}-portal-2026`;
      await s.auth.registerCompany(RegisterCompanyBody.parse({ company: b.company, user: { name: b.name, email: b.email, password: typed, locale: 'en' } }) as never, meta);
    });
    on(day(120 - i * 6, 14, 20), async () => {
      await s.auth.verifyEmail(await verificationToken(prisma, b.email), meta);
    });
    on(day(119 - i * 6, 3), async () => {
      const manager = await actor('manager@demo.example');
      const { companyId } = await actor(b.email);
      await s.companies.review(manager, companyId, { decision: 'APPROVE', creditTermsDays: i === 1 ? 30 : undefined } as never, meta);
    });
  });

  // Small verbs of the story.
  type Line = { sku: string; quantity: number; target?: string };
  type Ref = { inquiryId?: string; lineIds?: string[]; quoteId?: string; revisionNo?: number; destinationPortCode?: string | undefined };
  const inquire = (ref: Ref, email: string, lines: Line[], extra: { to: [country: string, port: string]; message?: string; payment?: 'TT' | 'LC'; shipBy?: number }) =>
    async () => {
      const buyer = await actor(email);
      const body = CreateInquiryBody.parse({
        lines: lines.map((l) => ({ productId: product(l.sku).id, description: product(l.sku).nameEn, quantity: String(l.quantity), ...(l.target ? { targetPrice: l.target } : {}) })),
        incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: extra.to[0], destinationPortCode: extra.to[1], currency: 'USD',
        ...(extra.payment ? { preferredPaymentMethod: extra.payment } : {}),
        ...(extra.shipBy ? { requiredShipmentDate: dateIn(clock.now(), extra.shipBy) } : {}),
        ...(extra.message ? { message: extra.message } : {}),
      });
      const inquiry = await s.inquiries.create(buyer, body as never, meta);
      ref.inquiryId = inquiry.id;
      ref.lineIds = inquiry.lines.map((l) => l.id);
      // The PI names the port the buyer asked for, as the quote editor proposes it.
      ref.destinationPortCode = extra.to[1];
    };
  const terms = {
    tt: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    lc: [{ method: 'LC', percent: '100', trigger: 'SIGHT' }],
  } as const;
  /**
   * The price of a line that leaves `margin` of the price over its cost sheet's cost at the line's
   * quantity (as the quote service costs it: domain figuresAtQuantity), rounded up to 4 places.
   */
  const priceAtMargin = async (l: Line, margin: string) => {
    const sheet = await prisma.costSheet.findUniqueOrThrow({ where: { id: product(l.sku).costSheetId }, select: sheetInputSelect });
    return costPerUnit(figuresAtQuantity(sheetFiguresOf(sheet), String(l.quantity)), 'FOB', 'USD').div(new Dec(1).minus(margin)).toFixed(4, Dec.ROUND_UP);
  };
  /**
   * The clerk drafts the next revision: each line at `factors[i]` × the product's list price, or at the
   * price that leaves `margin` (a volume price below the floor, say); `send` sends it (or asks a
   * manager when below the floor).
   */
  const quote = (ref: Ref, lines: Line[], opts: { factors?: number[]; margin?: string; payment: 'tt' | 'lc'; send: boolean; expect: 'DRAFT' | 'SENT' | 'PENDING_APPROVAL'; validDays?: number; notes?: string }) =>
    async () => {
      const clerk = await actor('clerk@demo.example');
      const today = clock.now();
      const prices = await Promise.all(lines.map((l, i) => (opts.margin ? priceAtMargin(l, opts.margin) : new Dec(product(l.sku).listPrice).times(opts.factors![i]!).toFixed(4))));
      const body = QuoteDraftBody.parse({
        currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoadingCode: 'CNNGB', ...(ref.destinationPortCode ? { portOfDischargeCode: ref.destinationPortCode } : {}),
        paymentTerms: terms[opts.payment], leadTimeDays: Math.max(...lines.map((l) => leadOf(l.sku))),
        shipmentDate: dateIn(today, Math.max(...lines.map((l) => leadOf(l.sku))) + 20), validUntil: dateIn(today, opts.validDays ?? 30),
        packing: 'Export cartons on pallets, shipping marks as per buyer', ...(opts.notes ? { notes: opts.notes } : {}),
        // A price below the margin floor goes to the manager with the clerk's reason.
        ...(opts.expect === 'PENDING_APPROVAL' ? { belowFloorReason: 'Strategic account: a first order at this price opens their annual programme.' } : {}),
        lines: lines.map((l, i) => {
          const p = product(l.sku);
          return { inquiryLineId: ref.lineIds![i], productId: p.id, costSheetId: p.costSheetId, description: p.nameEn, quantity: String(l.quantity), unit: p.unit, unitPrice: prices[i]! };
        }),
      });
      let view = await s.quotes.create(clerk, ref.inquiryId!, body as never, meta);
      const rev = view.revisions.reduce((a, b) => (b.revisionNo > a.revisionNo ? b : a));
      ref.quoteId = view.id;
      ref.revisionNo = rev.revisionNo;
      if (opts.send) view = await s.quotes.send(clerk, view.id, rev.revisionNo, meta);
      const status = view.revisions.find((r) => r.revisionNo === rev.revisionNo)!.status;
      if (status !== opts.expect) throw new Error(`demo history: ${view.number} revision ${rev.revisionNo} is ${status}, expected ${opts.expect}`);
    };
  const approve = (ref: Ref, decision: 'APPROVE' | 'REJECT', comment: string) => async () => {
    await s.quotes.decide(await actor('manager@demo.example'), ref.quoteId!, ref.revisionNo!, ApprovalBody.parse({ decision, comment }) as never, meta);
  };
  /** The buyer answers the latest revision with a price per line (`factors[i]` × the quoted price) and perhaps other terms. */
  const counter = (ref: Ref, email: string, factors: number[], extra: { payment?: string; message?: string }) => async () => {
    const buyer = await actor(email);
    const rev = (await s.quotes.get(buyer, ref.quoteId!)).revisions.find((r) => r.revisionNo === ref.revisionNo)!;
    const body = CounterOfferBody.parse({
      revisionNo: ref.revisionNo,
      lines: rev.lines.map((l, i) => ({ quoteLineId: l.id, proposedUnitPrice: new Dec(l.unitPrice.amount).times(factors[i]!).toFixed(4) })),
      ...(extra.payment ? { proposedPaymentTerms: extra.payment } : {}),
      ...(extra.message ? { message: extra.message } : {}),
    });
    await s.negotiation.counterOffer(buyer, ref.inquiryId!, body as never, meta);
  };
  const say = (ref: Ref, email: string, text: string) => async () => {
    await s.negotiation.post(await actor(email), ref.inquiryId!, PostMessageBody.parse({ body: text }) as never, meta);
  };
  const accept = (ref: Ref, email: string, key: string) => async () => {
    const { contract } = await s.negotiation.accept(await actor(email), ref.quoteId!, ref.revisionNo!, ref.revisionNo, meta);
    contracts.set(key, { contractId: contract.id });
  };
  const confirm = (key: string, email: string) => async () => {
    await s.salesContracts.confirm(await actor(email), contracts.get(key)!.contractId, meta);
  };
  const amend = (key: string, reason: string, shiftDays: number) => async () => {
    const c = await s.salesContracts.get(await actor('clerk@demo.example'), contracts.get(key)!.contractId);
    const body = ProposeAmendmentBody.parse({ reason, changes: { latestShipmentDate: dateIn(new Date(`${c.latestShipmentDate}T00:00:00Z`), shiftDays) } });
    await s.salesContracts.proposeAmendment(await actor('clerk@demo.example'), c.id, body as never, meta);
  };
  const confirmAmendment = (key: string, email: string, number: number) => async () => {
    await s.salesContracts.confirmAmendment(await actor(email), contracts.get(key)!.contractId, number, meta);
  };
  const recordLc = (key: string, email: string, lc: { number: string; bank: string; bic: string; shipmentShortBy?: number }) => async () => {
    const buyer = await actor(email);
    const c = await s.salesContracts.get(buyer, contracts.get(key)!.contractId);
    const latest = new Date(`${c.latestShipmentDate}T00:00:00Z`);
    const shipBy = lc.shipmentShortBy ? dateIn(latest, -lc.shipmentShortBy) : c.latestShipmentDate;
    const body = RecordLetterOfCreditBody.parse({
      number: lc.number, issuingBank: lc.bank, issuingBankBic: lc.bic, issueDate: calendarDate(clock.now()),
      latestShipmentDate: shipBy, expiryDate: dateIn(new Date(`${shipBy}T00:00:00Z`), 21), presentationDays: 21,
      amount: c.total.amount, currency: c.total.currency,
    });
    await s.lettersOfCredit.record(buyer, c.id, body as never, meta);
  };
  const reviewLc = (key: string, decision: 'ACCEPT' | 'REQUEST_AMENDMENT', note?: string) => async () => {
    await s.lettersOfCredit.review(await actor('clerk@demo.example'), contracts.get(key)!.contractId, ReviewLetterOfCreditBody.parse({ decision, ...(note ? { note } : {}) }) as never, meta);
  };

  const NW = 'buyer@demo.example';
  const NW2 = 'purchasing@demo.example';
  const RH = 'buyer2@demo.example';
  const [MA, SC, AN] = buyerCompanies.map((b) => b.email) as [string, string, string];

  // 1. Won, L/C at sight, credit checked and accepted (Northwind, vacuum bottles).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-BTL-500', quantity: 12000 }, { sku: 'DW-MUG-350', quantity: 6000 }];
    on(day(104, 9), inquire(r, NW, lines, { to: ['GB', 'GBFXT'], payment: 'LC', shipBy: 75, message: 'Spring programme: powder-coated bottles in our 4 seasonal colours, matching mugs. Please quote FOB Ningbo.' }));
    on(day(103, 3), quote(r, lines, { factors: [1.02, 1.02], payment: 'lc', send: true, expect: 'SENT' }));
    on(day(101, 10), accept(r, NW, 'nw-bottles'));
    on(day(100, 9), confirm('nw-bottles', NW));
    on(day(93, 10), recordLc('nw-bottles', NW, { number: 'LC-HSBC-2026-44817', bank: 'HSBC UK Bank plc, London', bic: 'HBUKGB4B' }));
    on(day(92, 4), reviewLc('nw-bottles', 'ACCEPT'));
  }
  // 2. Won after a counter-offer; rev. 1 superseded by rev. 2; contract amended later (Rheinland, T-shirts).
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-TEE-180', quantity: 20000 }, { sku: 'TX-POLO-220', quantity: 5000 }];
    on(day(88, 8), inquire(r, RH, lines, { to: ['DE', 'DEHAM'], payment: 'TT', message: 'Crew-neck tees in 6 colours and polos in navy and white for our autumn workwear line.' }));
    on(day(87, 2), quote(r, lines, { factors: [1.04, 1.03], payment: 'tt', send: true, expect: 'SENT' }));
    on(day(85, 9), counter(r, RH, [0.96, 0.97], { message: 'Your prices are above our budget: we can order if you meet these prices.' }));
    on(day(84, 3), quote(r, lines, { factors: [1.0, 1.0], payment: 'tt', send: true, expect: 'SENT', notes: 'Revised prices after your counter-offer.' }));
    on(day(83, 8), accept(r, RH, 'rh-tees'));
    on(day(82, 9), confirm('rh-tees', RH));
    on(day(60, 3), amend('rh-tees', 'Dyeing of two colours delayed by the fabric mill: shipment 10 days later.', 10));
    on(day(59, 9), confirmAmendment('rh-tees', RH, 1));
  }
  // 3. Won, L/C recorded short of the contract's shipment date: the clerk asks for an amendment (Maple Leaf, tumblers).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-TMB-600', quantity: 8000 }];
    on(day(72, 18), inquire(r, MA, lines, { to: ['CA', 'CAVAN'], payment: 'LC' }));
    on(day(71, 2), quote(r, lines, { factors: [1.03], payment: 'lc', send: true, expect: 'SENT' }));
    on(day(70, 17), say(r, MA, 'Can you pack the tumblers in individual kraft boxes at the same price?'));
    on(day(69, 3), say(r, 'clerk@demo.example', 'Yes: individual kraft boxes are included; the carton stays at 36 pieces.'));
    on(day(68, 17), accept(r, MA, 'ma-tumblers'));
    on(day(67, 17), confirm('ma-tumblers', MA));
    on(day(40, 18), recordLc('ma-tumblers', MA, { number: 'RBC-IMP-770215', bank: 'Royal Bank of Canada, Vancouver', bic: 'ROYCCAT2', shipmentShortBy: 15 }));
    on(day(39, 3), reviewLc('ma-tumblers', 'REQUEST_AMENDMENT', 'The latest shipment date of the credit is 15 days before the contract’s: please have it extended to the contract date, and the expiry with it.'));
  }
  // 4. Won, a volume price below the margin floor approved by the manager; paid by T/T (Al Noor, knife sets).
  {
    const r: Ref = {};
    const lines = [{ sku: 'KT-KNF-SET5', quantity: 3000 }];
    on(day(58, 6), inquire(r, AN, lines, { to: ['AE', 'AEJEA'], payment: 'TT', message: 'Knife sets for a hypermarket promotion in Dubai; acacia blocks please.' }));
    on(day(57, 2), quote(r, lines, { margin: '0.053', payment: 'tt', send: true, expect: 'PENDING_APPROVAL' }));
    on(day(57, 6), approve(r, 'APPROVE', 'Approved: first order of a new distributor in the Gulf.'));
    on(day(55, 7), accept(r, AN, 'an-knives'));
    on(day(54, 7), confirm('an-knives', AN));
  }
  // 5. Won, L/C just recorded: waits for the clerk's check (Southern Cross, bath towels).
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-TWL-BATH', quantity: 6000 }, { sku: 'TX-APR-CNV', quantity: 2000 }];
    on(day(46, 23), inquire(r, SC, lines, { to: ['AU', 'AUSYD'], payment: 'LC' }));
    on(day(45, 3), quote(r, lines, { factors: [1.02, 1.02], payment: 'lc', send: true, expect: 'SENT' }));
    on(day(41, 23), accept(r, SC, 'sc-towels'));
    on(day(40, 23), confirm('sc-towels', SC));
    on(hoursAgo(20), recordLc('sc-towels', SC, { number: 'ANZ-DC-2026-09113', bank: 'ANZ Banking Group, Sydney', bic: 'ANZBAU3M' }));
  }
  // 6. Won on L/C, confirmed, the buyer has yet to open the credit (Rheinland, ceramic mugs).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-MUG-CER', quantity: 10000 }];
    on(day(21, 8), inquire(r, RH, lines, { to: ['DE', 'DEHAM'], payment: 'LC', message: 'Our logo in 2 colours on both sides.' }));
    on(day(20, 2), quote(r, lines, { factors: [1.02], payment: 'lc', send: true, expect: 'SENT' }));
    on(day(12, 9), accept(r, RH, 'rh-mugs'));
    on(day(11, 9), confirm('rh-mugs', RH));
  }
  // 7. Won two days ago: the contract waits for the buyer's confirmation (Northwind, polo shirts).
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-POLO-220', quantity: 3000 }];
    on(day(9, 9), inquire(r, NW2, lines, { to: ['GB', 'GBSOU'], payment: 'TT', message: 'Polo shirts with embroidered logo for a hotel chain.' }));
    on(day(8, 2), quote(r, lines, { factors: [1.03], payment: 'tt', send: true, expect: 'SENT' }));
    on(day(2, 10), accept(r, NW2, 'nw-polos'));
  }
  // 8. Lost: declined with a reason (Maple Leaf, glass bottles).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-BTL-GL600', quantity: 10000, target: '1.6000' }];
    on(day(50, 17), inquire(r, MA, lines, { to: ['CA', 'CAVAN'] }));
    on(day(49, 3), quote(r, lines, { factors: [1.02], payment: 'tt', send: true, expect: 'SENT' }));
    on(day(44, 18), async () => {
      await s.negotiation.decline(await actor(MA), r.quoteId!, r.revisionNo!, DeclineBody.parse({ revisionNo: r.revisionNo, reason: 'Price above our target of USD 1.60; we placed this order with another supplier.' }) as never, meta);
    });
  }
  // 9. Withdrawn by the buyer (Al Noor, tote bags).
  {
    const r: Ref = {};
    on(day(33, 6), inquire(r, AN, [{ sku: 'TX-BAG-TOTE', quantity: 20000 }], { to: ['AE', 'AEJEA'] }));
    on(day(32, 5), async () => void (await s.inquiries.withdraw(await actor(AN), r.inquiryId!, meta)));
  }
  // 10. Answered, but the quote expired unanswered (Southern Cross, bamboo boards).
  {
    const r: Ref = {};
    const lines = [{ sku: 'KT-BRD-BMB', quantity: 5000 }];
    on(day(38, 23), inquire(r, SC, lines, { to: ['AU', 'AUMEL'] }));
    on(day(37, 3), quote(r, lines, { factors: [1.03], payment: 'tt', send: true, expect: 'SENT', validDays: 14 }));
    // The clerk looks at it after its validity date: it is recorded as expired.
    on(day(20, 3), async () => void (await s.quotes.get(await actor('clerk@demo.example'), r.quoteId!)));
  }
  // 11. Negotiating: a counter-offer waits for the clerk (Northwind, vacuum flasks).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-FLK-1000', quantity: 3000 }];
    on(day(7, 9), inquire(r, NW, lines, { to: ['GB', 'GBFXT'], payment: 'TT' }));
    on(day(6, 2), quote(r, lines, { factors: [1.04], payment: 'tt', send: true, expect: 'SENT' }));
    on(hoursAgo(16), counter(r, NW, [0.95], { payment: 'T/T 20% deposit, 80% against B/L copy', message: 'We can confirm today at this price with a 20% deposit.' }));
  }
  // 12. Answered: a quote waits for the buyer (Rheinland, sports bottles; Northwind, organic tees).
  {
    const r: Ref = {};
    const lines = [{ sku: 'DW-BTL-750', quantity: 5000 }];
    on(day(4, 8), inquire(r, RH, lines, { to: ['DE', 'DEHAM'] }));
    on(day(3, 2), quote(r, lines, { factors: [1.02], payment: 'tt', send: true, expect: 'SENT' }));
  }
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-TEE-ORG', quantity: 10000 }];
    on(day(5, 10), inquire(r, NW, lines, { to: ['GB', 'GBFXT'], message: 'GOTS certificate copy please.' }));
    on(day(4, 3), quote(r, lines, { factors: [1.02], payment: 'tt', send: true, expect: 'SENT' }));
  }
  // 13. Below the margin floor: waits for the manager (Maple Leaf, hoodies).
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-HOOD-320', quantity: 4000 }];
    on(day(3, 17), inquire(r, MA, lines, { to: ['CA', 'CAVAN'] }));
    on(hoursAgo(5), quote(r, lines, { margin: '0.043', payment: 'tt', send: true, expect: 'PENDING_APPROVAL' }));
  }
  // 14. Sent back by the manager: the draft waits for the clerk again (Southern Cross, T-shirts).
  {
    const r: Ref = {};
    const lines = [{ sku: 'TX-TEE-180', quantity: 10000 }];
    on(day(3, 23), inquire(r, SC, lines, { to: ['AU', 'AUSYD'] }));
    on(hoursAgo(30), quote(r, lines, { margin: '0.032', payment: 'tt', send: true, expect: 'PENDING_APPROVAL' }));
    on(hoursAgo(26), approve(r, 'REJECT', 'Too far below the floor for a first order: quote at list price and offer 2% for a second container.'));
  }
  // 15. A draft the clerk started this morning (Al Noor, silicone utensils).
  {
    const r: Ref = {};
    const lines = [{ sku: 'KT-UTN-SIL6', quantity: 5000 }];
    on(hoursAgo(20), inquire(r, AN, lines, { to: ['AE', 'AEJEA'] }));
    on(hoursAgo(2), quote(r, lines, { factors: [1.02], payment: 'tt', send: false, expect: 'DRAFT' }));
  }
  // 16. Overdue: unanswered past the 24-hour target (Northwind, stainless sports bottles for an event).
  {
    const r: Ref = {};
    on(hoursAgo(40), inquire(r, NW2, [{ sku: 'DW-BTL-500', quantity: 2000 }], { to: ['GB', 'GBFXT'], message: 'Urgent: bottles with a one-colour print for a charity run.' }));
  }
  // 17. New, within the target (Rheinland, tote bags; Maple Leaf, aprons and boards).
  {
    const r: Ref = {};
    on(hoursAgo(3), inquire(r, RH, [{ sku: 'TX-BAG-TOTE', quantity: 20000 }], { to: ['DE', 'DEHAM'], message: 'Natural colour, one-colour print on one side.' }));
  }
  {
    const r: Ref = {};
    on(hoursAgo(1), inquire(r, MA, [{ sku: 'TX-APR-CNV', quantity: 2000 }, { sku: 'KT-BRD-BMB', quantity: 2000 }], { to: ['CA', 'CAVAN'] }));
  }

  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
    await nextTurn();
  }
  clock.set(now);

  const confirmed = await prisma.salesContract.findMany({
    where: { id: { in: [...contracts.values()].map((c) => c.contractId) }, confirmedAt: { not: null } },
    orderBy: { confirmedAt: 'asc' },
    select: {
      id: true, number: true, buyerCompanyId: true, buyerCompany: { select: { name: true } }, currency: true, totalAmount: true, paymentMethod: true, confirmedAt: true,
      latestShipmentDate: true, lcStatus: true,
    },
  });
  return confirmed.map((c) => ({
    id: c.id, number: c.number, buyerCompanyId: c.buyerCompanyId, buyerCompanyName: c.buyerCompany.name, currency: c.currency, total: c.totalAmount.toFixed(2),
    paymentMethod: c.paymentMethod, confirmedAt: c.confirmedAt!.toISOString(), latestShipmentDate: calendarDate(c.latestShipmentDate), lcStatus: c.lcStatus,
  }));
}

/**
 * Waits for the event loop's next turn. The embedded database answers within the process, so the
 * history runs as one chain of promise callbacks that would keep timers and I/O waiting until it
 * ends: Meilisearch starting beside it, the port answering "starting".
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The demo catalog's products by SKU, with their first-tier price and latest cost sheet. */
async function loadProducts(prisma: PrismaClient): Promise<Map<string, Product>> {
  const rows = await prisma.product.findMany({
    select: {
      id: true, sku: true, nameEn: true, unit: true, moq: true, leadTimeDays: true,
      priceTiers: { orderBy: { minQuantity: 'asc' }, take: 1, select: { unitPrice: true } },
      costSheets: { orderBy: { version: 'desc' }, take: 1, select: { id: true } },
    },
  });
  return new Map(
    rows.filter((p) => p.priceTiers[0] && p.costSheets[0]).map((p) => [
      p.sku,
      { id: p.id, sku: p.sku, nameEn: p.nameEn, unit: p.unit, moq: p.moq.toFixed(), listPrice: p.priceTiers[0]!.unitPrice.toFixed(4), costSheetId: p.costSheets[0]!.id, lead: p.leadTimeDays },
    ]),
  );
}

/** The confirmation link's token from the mail the registration queued, as the buyer would click it. */
async function verificationToken(prisma: PrismaClient, email: string): Promise<string> {
  const mails = await prisma.outboxEvent.findMany({ where: { channel: 'mail', topic: 'auth.email.verify' }, orderBy: { createdAt: 'desc' }, select: { payload: true } });
  for (const m of mails) {
    const text = JSON.stringify(m.payload);
    if (!text.includes(email)) continue;
    const token = /verify-email#([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (token) return token;
  }
  throw new Error(`demo history: no confirmation mail for ${email}`);
}
