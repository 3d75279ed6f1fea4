/*
 * Writes a small camt.053.001.08 statement of credits: the demo's sample file, and the files the
 * tests and the browser test import. Writing XML needs only escaping; reading it is the parser's job
 * (packages/bank-statements).
 */

export type SampleCredit = {
  amount: string;
  currency: string;
  /** The bank's reference of the entry; also what makes it the same entry when it comes again. */
  bankReference: string;
  debtorName: string;
  /** A structured RF reference (RmtInf/Strd/CdtrRefInf/Ref). */
  creditorReference?: string;
  /** Unstructured remittance text (RmtInf/Ustrd). */
  remittance?: string;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A camt.053.001.08 statement of one account on one day with these credits (booked). */
export function sampleCamt053(input: { account: string; currency: string; date: string; statementId: string; credits: readonly SampleCredit[] }): string {
  const entries = input.credits
    .map((c, i) => {
      const rmt = c.creditorReference
        ? `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${esc(c.creditorReference)}</Ref></CdtrRefInf></Strd></RmtInf>`
        : c.remittance
          ? `<RmtInf><Ustrd>${esc(c.remittance)}</Ustrd></RmtInf>`
          : '';
      return `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="${esc(c.currency)}">${esc(c.amount)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${input.date}</Dt></BookgDt>
        <ValDt><Dt>${input.date}</Dt></ValDt>
        <AcctSvcrRef>${esc(c.bankReference)}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>${esc(c.bankReference)}</AcctSvcrRef></Refs>
          <Amt Ccy="${esc(c.currency)}">${esc(c.amount)}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>${esc(c.debtorName)}</Nm></Pty></Dbtr></RltdPties>
          ${rmt}
        </TxDtls></NtryDtls>
      </Ntry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${esc(input.statementId)}</MsgId><CreDtTm>${input.date}T23:40:00+08:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${esc(input.statementId)}</Id>
      <CreDtTm>${input.date}T23:40:00+08:00</CreDtTm>
      <Acct><Id><Othr><Id>${esc(input.account)}</Id></Othr></Id><Ccy>${esc(input.currency)}</Ccy><Ownr><Nm>Ningbo Harbour Homeware Co., Ltd.</Nm></Ownr></Acct>${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
