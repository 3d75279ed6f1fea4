import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DomainError, type MatchableItem, proposeMatches, scheduleItemReference } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { parseBankStatement } from './camt.ts';

const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../samples/${name}`, import.meta.url)), 'utf8');
const v02 = sample('camt.053.001.02.xml');
const demo = sample('camt.053.001.08-demo.xml');
const demoNotice = sample('camt.054.001.08-demo.xml');
const exporterAccounts = ['3580 0000 0000 1234 56', '3580 0000 0000 6543 21'];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION');
    expect((err as DomainError).fields?.[0]?.field).toBe('file');
    return (err as DomainError).fields![0]!.message;
  }
  throw new Error('expected a refusal');
}

describe('camt.053.001.02 (BankToCustomerStatementV02)', () => {
  const file = parseBankStatement(v02);
  const [stmt] = file.statements;

  it('reads the message, the statement and its account', () => {
    expect(file).toMatchObject({ message: 'camt.053', version: '001.02', namespace: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02', messageId: 'STMT20261125-0001' });
    expect(stmt).toMatchObject({
      id: '2026-11-25-DE89370400440532013000',
      account: { iban: 'DE89370400440532013000', otherId: null, currency: 'EUR', ownerName: 'Muster Handelskontor GmbH' },
      createdAt: '2026-11-25T22:15:04', fromDate: '2026-11-25', toDate: '2026-11-25',
    });
  });

  it('keeps booked credits only, counting debits, pending entries and reversals', () => {
    expect(stmt!.skipped).toEqual({ debits: 1, notBooked: 1, reversals: 1 });
    expect(stmt!.credits.map((c) => [c.amount, c.currency])).toEqual([['1250.00', 'EUR'], ['1800.00', 'EUR'], ['1200.00', 'EUR'], ['970.00', 'EUR']]);
  });

  it('reads the structured RF reference, the end-to-end id, the debtor (character references decoded) and the dates', () => {
    expect(stmt!.credits[0]).toMatchObject({
      bookingDate: '2026-11-25', valueDate: '2026-11-25', accountServicerReference: '2026112500012345', endToEndId: 'E2E-20261124-7781', entryReference: '0001',
      creditorReference: 'RF18539007547034', remittance: null, debtorName: 'Hans Müller & Söhne KG', debtorIban: 'GB29NWBK60161331926819',
    });
  });

  it('splits a batch into its transactions (AmtDtls / TxAmt in version 02), joining remittance lines, NOTPROVIDED as no id', () => {
    expect(stmt!.credits[1]).toMatchObject({ amount: '1800.00', endToEndId: null, remittance: 'Invoice 2026-1187', debtorName: 'Baltic Home Supplies SIA', accountServicerReference: '2026112500012347' });
    expect(stmt!.credits[2]).toMatchObject({ amount: '1200.00', endToEndId: 'BHS-PAY-0442', remittance: 'Invoice 2026-1190 partial, rest follows' });
    expect(stmt!.credits[1]!.dedupeKey).not.toBe(stmt!.credits[2]!.dedupeKey);
  });

  it('falls back on the entry text, a booking date-time and an amount with leading zeros', () => {
    expect(stmt!.credits[3]).toMatchObject({ amount: '970.00', bookingDate: '2026-11-25', remittance: 'GUTSCHRIFT UEBERWEISUNG ORDER 55-3312', debtorName: null });
  });
});

describe('camt.053.001.08: the demo statement of Ningbo Harbour Homeware', () => {
  const file = parseBankStatement(demo, { accounts: exporterAccounts });

  it('reads both accounts (other account numbers, not IBANs) and the version-08 shapes (Sts / Cd, Dbtr / Pty / Nm, TxDtls / Amt)', () => {
    expect(file).toMatchObject({ message: 'camt.053', version: '001.08', messageId: 'BOCNB-CAMT053-20261125-0042' });
    expect(file.statements.map((s) => [s.account.otherId, s.account.currency, s.credits.length, s.skipped])).toEqual([
      ['358000000000123456', 'USD', 2, { debits: 1, notBooked: 0, reversals: 0 }],
      ['358000000000654321', 'EUR', 3, { debits: 0, notBooked: 1, reversals: 0 }],
    ]);
    expect(file.statements[0]!.credits[0]).toMatchObject({ amount: '33085.00', currency: 'USD', creditorReference: 'RF83SC202600000101', debtorName: 'NORTHWIND IMPORTS LTD', endToEndId: 'NWI-PO-88213-DEP' });
  });

  it('gives matching what it needs: reference, document number, reference in text, amount and payer', () => {
    const nw = { customerId: 'nw', customerName: 'Northwind Imports Ltd', currency: 'USD', paid: '0' } as const;
    const rh = { customerId: 'rh', customerName: 'Rheinland Handel GmbH', currency: 'EUR', paid: '0' } as const;
    const items: MatchableItem[] = [
      { ...nw, id: 'nw-1', amount: '33120.00', dueDate: '2026-11-20', reference: scheduleItemReference('SC-2026-000001', 1), documentNumbers: ['SC-2026-000001'] },
      { ...nw, id: 'nw-2', amount: '77280.00', dueDate: '2026-11-30', reference: scheduleItemReference('SC-2026-000001', 2), documentNumbers: ['SC-2026-000001'] },
      { ...rh, id: 'rh-1', amount: '12600.00', dueDate: '2026-11-27', reference: scheduleItemReference('SC-2026-000002', 1), documentNumbers: ['SC-2026-000002'] },
      { ...rh, id: 'rh-2', amount: '8400.00', dueDate: '2026-12-10', reference: scheduleItemReference('SC-2026-000002', 2), documentNumbers: ['SC-2026-000002'] },
    ];
    const credits = file.statements.flatMap((s) => s.credits).map((c) => ({ ...c, key: c.dedupeKey }));
    const proposals = proposeMatches(credits, items, { bankChargeTolerance: { USD: '50.00', EUR: '40.00' } });
    expect(proposals.map((p) => [p.reason, p.allocations, p.bankChargeWriteOffs, p.unallocated])).toEqual([
      ['STRUCTURED_REFERENCE', [{ itemId: 'nw-1', amount: '33085.00' }], [{ itemId: 'nw-1', amount: '35.00' }], '0.00'],
      ['DOCUMENT_NUMBER', [{ itemId: 'nw-2', amount: '40000.00' }], [], '0.00'],
      ['REFERENCE_IN_TEXT', [{ itemId: 'rh-1', amount: '12600.00' }], [], '0.00'],
      ['AMOUNT_AND_PAYER', [{ itemId: 'rh-2', amount: '8400.00' }], [], '0.00'],
      ['UNMATCHED', [], [], '150.00'],
    ]);
  });
});

describe('importing twice books nothing twice', () => {
  it('gives the same keys to the same file', () => {
    const keys = (xml: string) => parseBankStatement(xml).statements.flatMap((s) => s.credits.map((c) => c.dedupeKey));
    expect(keys(demo)).toEqual(keys(demo));
    expect(new Set(keys(demo)).size).toBe(5);
    expect(keys(v02)).toEqual(keys(v02));
  });

  it('gives the day\'s camt.054 notice of a credit the key of the same entry in the evening\'s camt.053', () => {
    const notice = parseBankStatement(demoNotice, { accounts: exporterAccounts });
    expect(notice).toMatchObject({ message: 'camt.054', version: '001.08' });
    const noticed = notice.statements[0]!.credits[0]!;
    const booked = parseBankStatement(demo).statements[0]!.credits[0]!;
    expect(noticed.dedupeKey).toBe(booked.dedupeKey);
  });

  it('tells apart identical credits without bank references by their order, stably', () => {
    const entry = '<Ntry><Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt></Ntry>';
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>${entry}${entry}</Stmt></BkToCstmrStmt></Document>`;
    const [a, b] = parseBankStatement(xml).statements[0]!.credits;
    expect(a!.dedupeKey).not.toBe(b!.dedupeKey);
    expect(b!.dedupeKey).toBe(`${a!.dedupeKey}#2`);
    const same = parseBankStatement(xml.replace('100.00', '100.0')).statements[0]!.credits;
    expect(same.map((c) => c.dedupeKey)).toEqual([a!.dedupeKey, b!.dedupeKey]);
  });
});

describe('refusals, each naming the problem', () => {
  it('refuses a statement of another account', () => {
    expect(refusal(() => parseBankStatement(v02, { accounts: exporterAccounts }))).toBe("is a statement of account DE89370400440532013000, which is not one of the exporter's accounts");
    expect(() => parseBankStatement(v02, { accounts: ['de89 3704 0044 0532 0130 00'] })).not.toThrow();
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refusal(() => parseBankStatement(demo, { maxBytes: 1000 }))).toBe(`is ${Buffer.byteLength(demo)} bytes; statements up to 1000 bytes are accepted`);
    expect(refusal(() => parseBankStatement(new Uint8Array(6 * 1024 * 1024)))).toMatch(/statements up to 5242880 bytes/);
  });

  it('refuses what is not XML, not UTF-8, not well-formed, or carries a DTD', () => {
    expect(refusal(() => parseBankStatement('%PDF-1.7\n%âãÏÓ'))).toMatch(/^is not well-formed XML \(line 1, column 1/);
    expect(refusal(() => parseBankStatement(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])))).toBe('is not UTF-8 text: an ISO 20022 statement is UTF-8 XML');
    expect(refusal(() => parseBankStatement(demo.replace('</Stmt>', '')))).toMatch(/^is not well-formed XML/);
    expect(refusal(() => parseBankStatement('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&a;</Document>'))).toBe('declares a DTD; camt messages have none, and it is not read');
  });

  it('refuses XML of another kind: another root, another ISO 20022 message, no statement', () => {
    expect(refusal(() => parseBankStatement('<invoice><total>1</total></invoice>'))).toBe('is XML but not an ISO 20022 document: its root element is not Document');
    expect(refusal(() => parseBankStatement('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>'))).toBe(
      'is an ISO 20022 document of another kind (urn:iso:std:iso:20022:tech:xsd:pain.001.001.09); import a camt.053 statement or a camt.054 notification',
    );
    expect(refusal(() => parseBankStatement('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"/>'))).toMatch(/another kind \(urn:iso:std:iso:20022:tech:xsd:camt\.052\.001\.08\)/);
    expect(refusal(() => parseBankStatement('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt/></Document>'))).toBe('is a camt.053 document without a statement (Stmt)');
  });

  it('refuses an entry without an ISO 20022 amount, and a statement without an account', () => {
    const bad = demo.replace('<Amt Ccy="USD">40000.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>', '<Amt Ccy="USD">40,000.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>');
    expect(refusal(() => parseBankStatement(bad))).toBe('entry 2 of statement 1 has no amount with a currency (Ntry / Amt @Ccy)');
    expect(refusal(() => parseBankStatement('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><Ntfctn><Id>1</Id></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>'))).toBe('statement 1 names no account (Acct / Id)');
  });

  it('reads a document whose elements carry a namespace prefix, and bytes with a byte-order mark', () => {
    const prefixed = '<ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><ns2:BkToCstmrStmt><ns2:Stmt><ns2:Id>P</ns2:Id><ns2:Acct><ns2:Id><ns2:IBAN>DE89370400440532013000</ns2:IBAN></ns2:Id></ns2:Acct><ns2:Ntry><ns2:Amt Ccy="EUR">5.00</ns2:Amt><ns2:CdtDbtInd>CRDT</ns2:CdtDbtInd><ns2:Sts>BOOK</ns2:Sts></ns2:Ntry></ns2:Stmt></ns2:BkToCstmrStmt></ns2:Document>';
    expect(parseBankStatement(prefixed).statements[0]!.credits.map((c) => c.amount)).toEqual(['5.00']);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(prefixed)]);
    expect(parseBankStatement(bom).statements[0]!.id).toBe('P');
  });
});
