import { createHash } from 'node:crypto';
import { DomainError } from '@portal/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * Reads ISO 20022 bank-to-customer cash management messages: camt.053 (BankToCustomerStatement,
 * the end-of-day statement) and camt.054 (BankToCustomerDebitCreditNotification), any version
 * 001.02 onwards, into the credit entries that may be customers' payments. The XML is parsed by
 * fast-xml-parser (no regular expressions on XML); files with a DTD are refused before parsing, so no
 * entity can expand. Element paths follow the message definitions:
 *
 *   Document / BkToCstmrStmt / Stmt (camt.053) or BkToCstmrDbtCdtNtfctn / Ntfctn (camt.054)
 *     Id, CreDtTm, FrToDt, Acct / Id / (IBAN | Othr / Id), Acct / Ccy, Acct / Ownr / Nm
 *     Ntry: Amt @Ccy, CdtDbtInd (CRDT | DBIT), RvslInd, Sts (BOOK…; a code in 001.02, Sts / Cd later),
 *           BookgDt / (Dt | DtTm), ValDt / (Dt | DtTm), AcctSvcrRef, NtryRef, AddtlNtryInf
 *       NtryDtls / TxDtls: Refs / (AcctSvcrRef, EndToEndId), Amt @Ccy (AmtDtls / TxAmt / Amt in 001.02),
 *           RltdPties / Dbtr / Nm (Dbtr / Pty / Nm from 001.08), RltdPties / DbtrAcct / Id / IBAN,
 *           RmtInf / Ustrd*, RmtInf / Strd* / CdtrRefInf / (Tp / CdOrPrtry / Cd = SCOR, Ref)
 */

/** Files above this size are refused before anything is read (a day's statement of a trading company is a few hundred kB). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The account a statement is for. */
export type StatementAccount = { iban: string | null; otherId: string | null; currency: string | null; ownerName: string | null };

/** One credit that may be a customer's payment. */
export type CreditEntry = {
  /** Stable across imports of the same entry (this file again, or the camt.054 notice and then the camt.053 statement): book nothing twice. */
  dedupeKey: string;
  amount: string;
  currency: string;
  bookingDate: string | null;
  valueDate: string | null;
  /** The bank's (account servicer's) reference of the entry, or of the transaction within a batch. */
  accountServicerReference: string | null;
  endToEndId: string | null;
  entryReference: string | null;
  /** The structured creditor reference (ISO 11649 "RF…" or another scheme), from RmtInf / Strd / CdtrRefInf / Ref. */
  creditorReference: string | null;
  /** The unstructured remittance lines, joined by a space. */
  remittance: string | null;
  debtorName: string | null;
  debtorIban: string | null;
};

/** One statement (camt.053 Stmt) or notification (camt.054 Ntfctn) of the file: its account and its booked credits. */
export type BankStatement = {
  id: string;
  account: StatementAccount;
  createdAt: string | null;
  fromDate: string | null;
  toDate: string | null;
  credits: CreditEntry[];
  /** Entries that are not customers' payments: debits, entries not booked (pending, information), reversals. */
  skipped: { debits: number; notBooked: number; reversals: number };
};

/** A parsed file: which message and version, its id, and its statements. */
export type StatementFile = { message: 'camt.053' | 'camt.054'; version: string; namespace: string; messageId: string | null; statements: BankStatement[] };

export type ParseOptions = {
  /** Largest file accepted, in bytes (default 5 MiB). */
  maxBytes?: number;
  /** The exporter's accounts (IBANs or other account numbers, spaces ignored): a statement of any other account refuses the file. */
  accounts?: readonly string[];
};

function refuse(message: string): never {
  throw new DomainError('VALIDATION', 'the file is not a statement that can be imported', [{ field: 'file', message }]);
}

/** Elements that may repeat in the messages read here; the parser gives them as arrays even when there is one. */
const repeating = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal', 'CdtrRefInf']);

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep every value as written: amounts are decimal strings, references keep their leading zeros.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Predefined and numeric character references (Müller written M&#252;ller) are decoded; a DTD is refused before parsing.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => repeating.has(localName(name)),
});

type Node = Record<string, unknown>;

/** Drops namespace prefixes from element names ("ns2:Ntry" → "Ntry"); attributes keep theirs. */
function unprefixed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unprefixed);
  if (value === null || typeof value !== 'object') return value;
  const out: Node = {};
  for (const [k, v] of Object.entries(value)) out[k.startsWith('@') ? k : localName(k)] = unprefixed(v);
  return out;
}

function child(node: unknown, ...path: string[]): unknown {
  let at: unknown = node;
  for (const name of path) {
    if (Array.isArray(at)) at = at[0];
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Node)[name];
  }
  return Array.isArray(at) && !repeating.has(path[path.length - 1]!) ? at[0] : at;
}

function list(node: unknown, ...path: string[]): unknown[] {
  const v = child(node, ...path);
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function text(node: unknown, ...path: string[]): string | null {
  const v = child(node, ...path);
  const s = typeof v === 'string' ? v : v !== null && typeof v === 'object' && typeof (v as Node)['#text'] === 'string' ? ((v as Node)['#text'] as string) : null;
  return s && s.trim() ? s.trim() : null;
}

/** A date element that is either Dt (a date) or DtTm (a date and time): its calendar date. */
function dateOf(node: unknown, name: string): string | null {
  const d = text(node, name, 'Dt') ?? text(node, name, 'DtTm');
  return d ? d.slice(0, 10) : null;
}

const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** An ISO 20022 amount (up to 18 digits, 5 of them decimals) as a plain decimal string without leading zeros; null if it is not one. */
function amountOf(raw: string | null): string | null {
  if (raw === null) return null;
  const [int = '', frac] = raw.split('.');
  if (!int || [...int].some((c) => c < '0' || c > '9') || (frac !== undefined && (!frac || frac.length > 5 || [...frac].some((c) => c < '0' || c > '9')))) return null;
  const whole = int.replace(/^0+(?=\d)/, '');
  return frac === undefined ? whole : `${whole}.${frac}`;
}

/** The canonical form of an amount for keys: "100.50" and "100.5" are the same money. */
function canonicalAmount(amount: string): string {
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

function accountOf(stmt: unknown): StatementAccount {
  return {
    iban: text(stmt, 'Acct', 'Id', 'IBAN'),
    otherId: text(stmt, 'Acct', 'Id', 'Othr', 'Id'),
    currency: text(stmt, 'Acct', 'Ccy'),
    ownerName: text(stmt, 'Acct', 'Ownr', 'Nm') ?? text(stmt, 'Acct', 'Ownr', 'Pty', 'Nm'),
  };
}

function creditorReferenceOf(tx: unknown): string | null {
  for (const strd of list(tx, 'RmtInf', 'Strd')) {
    for (const ref of list(strd, 'CdtrRefInf')) {
      const value = text(ref, 'Ref');
      if (value) return value;
    }
  }
  return null;
}

function debtorNameOf(tx: unknown): string | null {
  return text(tx, 'RltdPties', 'Dbtr', 'Nm') ?? text(tx, 'RltdPties', 'Dbtr', 'Pty', 'Nm') ?? text(tx, 'RltdPties', 'UltmtDbtr', 'Nm') ?? text(tx, 'RltdPties', 'UltmtDbtr', 'Pty', 'Nm');
}

function txAmount(tx: unknown): { amount: string; currency: string } | null {
  for (const path of [['Amt'], ['AmtDtls', 'TxAmt', 'Amt']]) {
    const node = child(tx, ...path);
    const amount = amountOf(text(node));
    const currency = node !== null && typeof node === 'object' ? ((node as Node)['@Ccy'] as string | undefined) : undefined;
    if (amount && currency) return { amount, currency };
  }
  return null;
}

function keyOf(parts: readonly (string | null)[]): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/** The credits of one entry: one per transaction of a batch when each carries its amount, else one for the whole entry. */
function creditsOf(entry: unknown, amount: string, currency: string): Omit<CreditEntry, 'dedupeKey'>[] {
  const txs = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
  const base = {
    bookingDate: dateOf(entry, 'BookgDt'),
    valueDate: dateOf(entry, 'ValDt'),
    entryReference: text(entry, 'NtryRef'),
  };
  const entryRef = text(entry, 'AcctSvcrRef');
  const detail = (tx: unknown) => {
    const e2e = text(tx, 'Refs', 'EndToEndId');
    const ustrd = list(tx, 'RmtInf', 'Ustrd').map((u) => text(u)).filter((u): u is string => u !== null);
    return {
      accountServicerReference: text(tx, 'Refs', 'AcctSvcrRef') ?? entryRef,
      endToEndId: e2e && e2e !== 'NOTPROVIDED' ? e2e : null,
      creditorReference: creditorReferenceOf(tx),
      remittance: ustrd.length > 0 ? ustrd.join(' ') : null,
      debtorName: debtorNameOf(tx),
      debtorIban: text(tx, 'RltdPties', 'DbtrAcct', 'Id', 'IBAN'),
    };
  };
  const split = txs.length > 1 && txs.every((tx) => txAmount(tx)?.currency === currency);
  if (split) return txs.map((tx) => ({ ...base, ...txAmount(tx)!, ...detail(tx) }));
  const one = { ...base, amount, currency, ...detail(txs[0]) };
  // Several transactions without their own amounts: one credit, carrying all their remittance lines.
  const remittance = txs.length > 1 ? txs.map((tx) => detail(tx).remittance).filter(Boolean).join(' ') || null : one.remittance;
  return [{ ...one, remittance: remittance ?? text(entry, 'AddtlNtryInf') }];
}

/**
 * Parses a camt.053 or camt.054 file into its statements' booked credit entries. Refuses, as a
 * VALIDATION naming the field `file` with a sentence saying what is wrong: a file over the size limit,
 * not UTF-8, with a DTD, not well-formed XML, not a camt.053/054 document, with an amount that is not
 * an ISO 20022 amount, or for an account that is not one of the exporter's.
 */
export function parseBankStatement(file: string | Uint8Array, options: ParseOptions = {}): StatementFile {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = typeof file === 'string' ? Buffer.byteLength(file, 'utf8') : file.byteLength;
  if (bytes > maxBytes) refuse(`is ${bytes} bytes; statements up to ${maxBytes} bytes are accepted`);
  let xml: string;
  try {
    xml = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    refuse('is not UTF-8 text: an ISO 20022 statement is UTF-8 XML');
  }
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY')) refuse('declares a DTD; camt messages have none, and it is not read');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) refuse(`is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`);

  const raw = parser.parse(xml) as Node;
  const rootName = Object.keys(raw).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? (raw[rootName] as Node) : undefined;
  if (!rootName || localName(rootName) !== 'Document' || root === null || typeof root !== 'object') refuse('is XML but not an ISO 20022 document: its root element is not Document');
  const prefix = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':')) : null;
  const namespace = (root[prefix ? `@xmlns:${prefix}` : '@xmlns'] as string | undefined) ?? '';
  const ns = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.001\.(\d{2})$/.exec(namespace);
  if (!ns) refuse(`is an ISO 20022 document of another kind (${namespace || 'no namespace'}); import a camt.053 statement or a camt.054 notification`);
  const message = ns[1] as 'camt.053' | 'camt.054';
  const doc = unprefixed(root) as Node;
  const body = child(doc, message === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn');
  const reports = list(body, message === 'camt.053' ? 'Stmt' : 'Ntfctn');
  if (reports.length === 0) refuse(`is a ${message} document without a ${message === 'camt.053' ? 'statement (Stmt)' : 'notification (Ntfctn)'}`);

  const ours = options.accounts?.map(compact);
  const seen = new Map<string, number>();
  const statements = reports.map((stmt, s): BankStatement => {
    const account = accountOf(stmt);
    const accountId = account.iban ?? account.otherId;
    if (!accountId) refuse(`statement ${s + 1} names no account (Acct / Id)`);
    if (ours && !ours.includes(compact(accountId))) refuse(`is a statement of account ${accountId}, which is not one of the exporter's accounts`);
    const skipped = { debits: 0, notBooked: 0, reversals: 0 };
    const credits: CreditEntry[] = [];
    list(stmt, 'Ntry').forEach((entry, n) => {
      const amountNode = child(entry, 'Amt');
      const amount = amountOf(text(amountNode));
      const currency = amountNode !== null && typeof amountNode === 'object' ? ((amountNode as Node)['@Ccy'] as string | undefined) : undefined;
      if (!amount || !currency) refuse(`entry ${n + 1} of statement ${s + 1} has no amount with a currency (Ntry / Amt @Ccy)`);
      const status = text(entry, 'Sts') ?? text(entry, 'Sts', 'Cd') ?? text(entry, 'Sts', 'Prtry');
      if (text(entry, 'CdtDbtInd') !== 'CRDT') skipped.debits++;
      else if (text(entry, 'RvslInd') === 'true') skipped.reversals++;
      else if (status !== 'BOOK') skipped.notBooked++;
      else {
        for (const c of creditsOf(entry, amount, currency)) {
          // The bank's reference identifies an entry; without one, its content does, counted if it repeats.
          const parts = c.accountServicerReference
            ? [compact(accountId), c.currency, canonicalAmount(c.amount), c.accountServicerReference, c.endToEndId]
            : [compact(accountId), c.currency, canonicalAmount(c.amount), c.bookingDate, c.valueDate, c.endToEndId, c.entryReference, c.creditorReference, c.remittance, c.debtorName];
          const base = keyOf(parts);
          const occurrence = (seen.get(base) ?? 0) + 1;
          seen.set(base, occurrence);
          credits.push({ dedupeKey: occurrence === 1 ? base : `${base}#${occurrence}`, ...c });
        }
      }
    });
    return {
      id: text(stmt, 'Id') ?? `${s + 1}`,
      account,
      createdAt: text(stmt, 'CreDtTm'),
      fromDate: text(stmt, 'FrToDt', 'FrDtTm')?.slice(0, 10) ?? null,
      toDate: text(stmt, 'FrToDt', 'ToDtTm')?.slice(0, 10) ?? null,
      credits,
      skipped,
    };
  });
  return { message, version: `001.${ns[2]}`, namespace, messageId: text(body, 'GrpHdr', 'MsgId'), statements };
}
