import type { Db } from '../../infra/tx.ts';

/* The letter of credit is kept on its sales contract's row: these write its fields, each only from the state it was read in. */

/**
 * Writes the credit as the buyer recorded it, only while it is not accepted and the contract is
 * still live: the status goes (back) to RECEIVED and an earlier review is cleared. False when the
 * contract moved meanwhile.
 */
export async function recordLetterOfCredit(db: Db, id: string, data: {
  lcNumber: string; lcIssuingBank: string; lcIssuingBankBic: string | null; lcIssueDate: Date; lcExpiryDate: Date; lcLatestShipmentDate: Date;
  lcPresentationDays: number; lcAmount: string; lcCurrency: string; lcReceivedAt: Date;
}): Promise<boolean> {
  const { count } = await db.salesContract.updateMany({
    where: { id, status: { notIn: ['ISSUED', 'COMPLETED', 'CANCELLED'] }, OR: [{ lcStatus: null }, { lcStatus: { not: 'ACCEPTED' } }] },
    data: { ...data, lcStatus: 'RECEIVED', lcReviewNote: null, lcReviewedAt: null, lcReviewedById: null },
  });
  return count === 1;
}


/** Records the exporter's decision on a received credit, only while it is RECEIVED (false otherwise). */
export async function reviewLetterOfCredit(db: Db, id: string, data: { lcStatus: 'ACCEPTED' | 'AMENDMENT_REQUESTED'; lcReviewNote: string | null; lcReviewedAt: Date; lcReviewedById: string }): Promise<boolean> {
  const { count } = await db.salesContract.updateMany({ where: { id, lcStatus: 'RECEIVED' }, data });
  return count === 1;
}
