import { expect, test, type Page } from '@playwright/test';
import { workedCostingExample } from '../packages/domain/src/costing.examples.ts';
import { sampleCamt053 } from '../apps/api/src/modules/payments/camt-sample.ts';
import { shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

/*
 * Collections in the browser: a confirmed T/T contract (made through the API, as the other specs
 * make theirs through the pages), its deposit paid by a bank transfer that the bank's camt.053
 * statement brings back with the item's RF reference; finance imports the file, sees the proposed
 * match and its reason, confirms it; the buyer's payment page shows what is paid and the remainder due.
 */

let contract = { id: '', number: '' };
let deposit = { reference: '', amount: '' };

async function json(page: Page, method: 'GET' | 'POST', url: string, data?: object) {
  const res = method === 'GET' ? await page.request.get(url) : await page.request.post(url, { data: data ?? {} });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

test('a T/T contract is confirmed and its schedule made (through the API)', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  const product = (await json(page, 'GET', '/api/catalog/search?q=vacuum%20bottle')).items[0];
  const inquiry = await json(page, 'POST', '/api/inquiries', {
    lines: [{ productId: product.id, description: product.nameEn, quantity: '12000' }],
    incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: 'GB', currency: 'USD',
  });
  await signOut(page);

  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  const sheet = await json(page, 'POST', '/api/cost-sheets', { name: 'e2e payments', productId: product.id, input: workedCostingExample });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const quote = await json(page, 'POST', `/api/inquiries/${inquiry.id}/quotes`, {
    currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoadingCode: 'CNNGB',
    paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    leadTimeDays: 35, shipmentDate: day(60), validUntil: day(30),
    lines: [{ inquiryLineId: inquiry.lines[0].id, productId: product.id, costSheetId: sheet.id, description: product.nameEn, quantity: '12000', unit: 'pc', unitPrice: '3.4126' }],
  });
  await json(page, 'POST', `/api/quotes/${quote.id}/revisions/1/send`);
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  contract = await json(page, 'POST', `/api/quotes/${quote.id}/revisions/1/accept`);
  await json(page, 'POST', `/api/contracts/${contract.id}/confirm`);
  const pay = await json(page, 'GET', `/api/contracts/${contract.id}/payments`);
  deposit = { reference: pay.items[0].reference, amount: pay.items[0].amount.amount };
  expect(deposit.amount).toBe('12285.36');

  // The buyer's payment page: the deposit due with its reference and the bank details.
  await page.goto(`/portal/payments?contract=${contract.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Payments for ${contract.number}` })).toBeVisible();
  await expect(page.getByText(deposit.reference)).toBeVisible();
  await expect(page.getByText(/BKCHCNBJ92A/)).toBeVisible();
  await shot(page, 'payments-buyer-before');
});

test('finance imports the camt.053, confirms the proposed match, and the buyer sees the remainder due', async ({ page }) => {
  // The bank credits the deposit less USD 35.00 of charges, quoting the structured reference.
  const xml = sampleCamt053({
    account: '358000000000123456', currency: 'USD', date: new Date().toISOString().slice(0, 10), statementId: `E2E-${contract.number}`,
    credits: [
      { amount: '12250.36', currency: 'USD', bankReference: `E2E-${contract.number}-1`, debtorName: 'NORTHWIND IMPORTS LTD', creditorReference: deposit.reference.replace(/\s+/g, '') },
      { amount: '777.00', currency: 'USD', bankReference: `E2E-${contract.number}-2`, debtorName: 'Unknown Trading', remittance: 'refund' },
    ],
  });
  await signIn(page, 'finance@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto('/staff/payments/statements');
  await page.getByLabel(/^(Statement file|对账单文件)$/).setInputFiles({ name: 'boc-statement.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.getByRole('button', { name: /^(Import|导入)$/ }).click();
  await expect(page).toHaveURL(/\/staff\/payments\/statements\/[0-9a-f-]{36}$/);
  const line = page.getByTestId('statement-line').filter({ hasText: `E2E-${contract.number}-1` });
  await expect(line.getByText(/^(Structured reference|结构化参考号)$/)).toBeVisible();
  await expect(line.getByRole('cell', { name: contract.number })).toBeVisible();
  await expect(line.getByText(/35\.00/).first()).toBeVisible();
  await expect(page.getByTestId('statement-line').filter({ hasText: `E2E-${contract.number}-2` }).getByText(/^(No match|未匹配)$/)).toBeVisible();
  await shot(page, 'payments-statement-review');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'payments-statement-review-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await line.getByRole('button', { name: /^(Confirm|确认)$/ }).click();
  await expect(line.getByText(/^(Confirmed|已确认)$/)).toBeVisible();

  await page.goto('/staff/payments/ageing');
  await expect(page.getByRole('row', { name: /Northwind Imports Ltd/ }).first()).toBeVisible();
  await shot(page, 'payments-ageing');
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/portal/payments?contract=${contract.id}`);
  const summary = page.getByTestId('summary-USD');
  // Paid USD 12,250.36 (the USD 35.00 of bank charges written off), USD 28,665.84 remains: the balance, due against the B/L copy.
  await expect(summary).toContainText('12,250.36');
  await expect(summary).toContainText('28,665.84');
  await expect(page.getByRole('row', { name: /T\/T 30%/ })).toContainText('Paid');
  await expect(page.getByText(/E2E-SC-/)).toBeVisible();
  await shot(page, 'payments-buyer-after');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'payments-buyer-after-390');
});
