import { randomBytes } from 'node:crypto';
import { CostingInput, type CostSheetListQuery, type CostSheetSaveBody, type CostSheetView } from '@portal/schemas';
import {
  DomainError, calculateExportPrice, calculateExportPrices, evaluateExportPrice, evaluateExportPrices, validationError, withFieldPrefix,
  type Actor, type CostedBatch, type CostSheetFigures, type ExportCostingInput, type ExportCostingResult, type ExportEvaluationInput, type ExportEvaluationResult, type FieldError,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { isUniqueViolation } from '../../infra/tx.ts';
import * as repo from './costing.repository.ts';

type Meta = { requestId?: string };
type ParsedInput = ReturnType<typeof CostingInput.parse>;

/** How often a save retries when another save took the same version number at the same moment. */
const VERSION_RETRIES = 5;

/** Money columns kept to the cent: more places would be lost on saving, so they are refused. */
const centColumns = ['domesticExpensesFixed', 'freightPerContainer', 'lclRatePerWm', 'freightAmount', 'insuranceAmount'] as const;

/** A time-ordered id (UUIDv7) for a new series, as the database gives every row. */
function uuidv7(at: Date): string {
  const b = randomBytes(16);
  let ms = BigInt(at.getTime());
  for (let i = 5; i >= 0; i--) {
    b[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Checks `input` as a CostingInput; every problem is named as the client wrote it, body.input.<field>. */
function parseCostingInput(input: unknown): ParsedInput {
  const parsed = CostingInput.safeParse(input);
  const errors: FieldError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = ['body', 'input', ...issue.path.map(String)];
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) errors.push({ field: [...at, key].join('.'), message: 'is not a known field' });
      // One message per field: the first rule it breaks.
      else if (!errors.some((e) => e.field === at.join('.'))) errors.push({ field: at.join('.'), message: issue.message });
    }
  } else {
    for (const column of centColumns) {
      const value = parsed.data[column];
      if (value !== undefined && /\.\d{3,}$/.test(value)) errors.push({ field: `body.input.${column}`, message: 'must have at most 2 decimal places' });
    }
  }
  if (errors.length > 0 || !parsed.success) throw validationError(errors, 'the costing input is invalid');
  return parsed.data;
}

/** The columns of a cost sheet from its checked input; the whole input is kept with the result. */
function columns(input: ParsedInput) {
  return {
    costCurrency: input.costCurrency,
    quoteCurrency: input.quoteCurrency,
    purchaseCostInclVat: input.purchaseCostInclVat,
    vatRate: input.vatRate,
    rebateRate: input.rebateRate,
    domesticExpensesFixed: input.domesticExpensesFixed,
    domesticExpensesPerUnit: input.domesticExpensesPerUnit,
    quantity: input.quantity,
    freightMode: input.freightMode,
    containerType: input.containerType ?? null,
    freightPerContainer: input.freightPerContainer ?? null,
    freightCurrency: input.freightMode === 'NONE' ? null : (input.freightCurrency ?? input.quoteCurrency),
    lclRatePerWm: input.lclRatePerWm ?? null,
    lclSurchargeRate: input.freightMode === 'LCL' ? input.lclSurchargeRate : null,
    insuranceCoverRate: input.insuranceCoverRate,
    // The column is required; without a premium rate the sheet has no CIF price (result.prices.CIF is null).
    insurancePremiumRate: input.insurancePremiumRate ?? '0',
    commissionRate: input.commissionRate,
    bankChargesRate: input.bankChargesRate,
    profitBasis: input.profitBasis,
    profitRate: input.profitRate,
    exchangeRate: input.exchangeRate,
  };
}

/** The input as saved; sheets written without it (older rows, seeds) are read back from the columns. */
export function inputOf(row: repo.CostSheetInputRow): Record<string, unknown> {
  const stored = (row.result as { input?: Record<string, unknown> } | null)?.input;
  if (stored) return stored;
  const dec = (d: Prisma.Decimal | null) => (d === null ? undefined : d.toFixed());
  return Object.fromEntries(
    Object.entries({
      costCurrency: row.costCurrency, quoteCurrency: row.quoteCurrency, purchaseCostInclVat: dec(row.purchaseCostInclVat), vatRate: dec(row.vatRate),
      rebateRate: dec(row.rebateRate), domesticExpensesFixed: dec(row.domesticExpensesFixed), domesticExpensesPerUnit: dec(row.domesticExpensesPerUnit),
      quantity: dec(row.quantity), freightMode: row.freightMode, containerType: row.containerType ?? undefined, freightPerContainer: dec(row.freightPerContainer),
      freightCurrency: row.freightCurrency ?? undefined, lclRatePerWm: dec(row.lclRatePerWm), lclSurchargeRate: dec(row.lclSurchargeRate),
      insuranceCoverRate: dec(row.insuranceCoverRate), insurancePremiumRate: row.insurancePremiumRate.isZero() ? undefined : dec(row.insurancePremiumRate),
      commissionRate: dec(row.commissionRate), bankChargesRate: dec(row.bankChargesRate), profitBasis: row.profitBasis, profitRate: dec(row.profitRate),
      exchangeRate: dec(row.exchangeRate),
    }).filter(([, v]) => v !== undefined),
  );
}

/** The costing result of a saved sheet, without the input kept beside it. */
export function resultOf(row: { result: unknown }): Record<string, unknown> {
  const { input: _input, ...result } = (row.result ?? {}) as Record<string, unknown>;
  return result;
}

/** A saved sheet as the quote's margin reads it (domain CostSheetFigures): its result with its input. */
export function sheetFiguresOf(row: repo.CostSheetInputRow): CostSheetFigures {
  return { ...(resultOf(row) as unknown as CostSheetFigures), input: inputOf(row) as unknown as ExportCostingInput };
}

function toView(row: repo.CostSheetRow, versions?: Awaited<ReturnType<typeof repo.listSeriesVersions>>): CostSheetView {
  return {
    id: row.id,
    seriesId: row.seriesId,
    version: row.version,
    name: row.name,
    productId: row.productId,
    input: inputOf(row),
    result: resultOf(row),
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    ...(versions ? { versions: versions.map((v) => ({ id: v.id, version: v.version, createdBy: v.createdBy.name, createdAt: v.createdAt.toISOString() })) } : {}),
  };
}

/**
 * Export costing: the calculation (one line or a whole quote), and the cost sheets, each save of
 * which is a new immutable version of its series with its full build-up.
 */
export function createCostingService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  return {
    /** Costs one line; a rule that refuses names its field as the client wrote it (body.…). */
    calculate(input: ExportCostingInput): ExportCostingResult {
      return withFieldPrefix('body', () => calculateExportPrice(input));
    },

    /** Costs up to 500 lines, results in order. */
    calculateBatch(lines: readonly ExportCostingInput[]): CostedBatch<ExportCostingResult> {
      return withFieldPrefix('body', () => calculateExportPrices(lines));
    },

    /** Works a given price back to the profit (还价核算); a rule that refuses names its field as sent (body.…). */
    evaluate(input: ExportEvaluationInput): ExportEvaluationResult {
      return withFieldPrefix('body', () => evaluateExportPrice(input));
    },

    /** Evaluates up to 500 given prices, results in order. */
    evaluateBatch(lines: readonly ExportEvaluationInput[]): CostedBatch<ExportEvaluationResult> {
      return withFieldPrefix('body', () => evaluateExportPrices(lines));
    },

    /** Costs the input and saves it as version 1 of a new series, or as the next version of `seriesId`. */
    async save(actor: Actor, body: CostSheetSaveBody, meta: Meta): Promise<CostSheetView> {
      const input = parseCostingInput(body.input);
      const result = withFieldPrefix('body.input', () => calculateExportPrice(input));
      const head = body.seriesId ? await repo.findSeriesHead(prisma, body.seriesId) : null;
      if (body.seriesId && !head) throw new DomainError('VALIDATION', 'unknown cost sheet series', [{ field: 'body.seriesId', message: 'is not a saved cost sheet series' }]);
      const productId = body.productId ?? head?.productId ?? null;
      if (body.productId && !(await repo.findProduct(prisma, body.productId))) {
        throw new DomainError('VALIDATION', 'unknown product', [{ field: 'body.productId', message: 'is not a product' }]);
      }
      const now = clock.now();
      const seriesId = body.seriesId ?? uuidv7(now);

      for (let attempt = 1; ; attempt++) {
        try {
          const id = await prisma.$transaction(async (tx) => {
            // The next number is read inside the transaction; a concurrent save of the same number
            // fails on the unique (seriesId, version) and this one tries again with the number after.
            const latest = body.seriesId ? await repo.findSeriesHead(tx, seriesId) : null;
            const version = (latest?.version ?? 0) + 1;
            const created = await repo.createCostSheet(tx, {
              seriesId, version, name: body.name, productId, ...columns(input),
              result: { ...result, input } as unknown as Prisma.InputJsonValue,
              createdById: actor.userId, createdAt: now,
            });
            await recordAudit(tx, {
              actorId: actor.userId, action: 'costSheet.create', entityType: 'CostSheet', entityId: created.id,
              changes: { seriesId, version, name: body.name, productId, fob: result.prices.FOB.unitPrice, quoteCurrency: result.quoteCurrency },
              requestId: meta.requestId,
            });
            return created.id;
          });
          return toView((await repo.findCostSheet(prisma, id))!, await repo.listSeriesVersions(prisma, seriesId));
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= VERSION_RETRIES) throw err;
        }
      }
    },

    /** The newest version of each cost sheet series, optionally of one product. */
    async list(query: CostSheetListQuery): Promise<CostSheetView[]> {
      return (await repo.listLatestCostSheets(prisma, query.productId)).map((r) => toView(r));
    },

    /** One cost sheet version, with the list of every version of its series. */
    async get(id: string): Promise<CostSheetView> {
      const row = await repo.findCostSheet(prisma, id);
      if (!row) throw new DomainError('NOT_FOUND', 'cost sheet not found');
      return toView(row, await repo.listSeriesVersions(prisma, row.seriesId));
    },
  };
}

export type CostingService = ReturnType<typeof createCostingService>;
