import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, confirmedContractViaApi, mailTo, shot, signIn as signInPage, signOut } from './helpers.ts';

/*
 * A claim end to end in the browser: the buyer files a damage claim with a photo from the shipment on
 * the contract's tracking page; the clerk acknowledges, investigates and asks for more evidence; the
 * buyer adds it; the clerk determines responsibility and offers a settlement above finance's
 * threshold; the manager approves it; the buyer accepts; finance records the credit note; the
 * buyer's timeline shows each step with its date.
 */

test.describe.configure({ mode: 'serial' });

const photo = readFileSync(new URL('../apps/api/src/demo/pictures/DW-BTL-500.png', import.meta.url));
let contractId = '';
let contractNumber = '';
let claimUrl = '';

/** Signs in and waits for the user's home (the portal or the staff workspace) before going anywhere. */
async function signIn(page: Page, email: string) {
  await signInPage(page, email);
  await expect(page).toHaveURL(/\/(portal|staff)$/);
}

/** Opens a step's form by its button in "next step" and confirms it with the form's own button. */
async function takeStep(page: Page, group: string, action: string, fill?: (form: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('group', { name: group }).getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  if (fill) await fill(form);
  await form.getByRole('button', { name: action, exact: true }).click();
  await expect(form).toBeHidden();
}

test('a confirmed contract whose shipment arrived today (set up through the API)', async () => {
  const buyer = await apiAs('buyer@demo.example');
  const clerk = await apiAs('clerk@demo.example');
  ({ id: contractId, number: contractNumber } = await confirmedContractViaApi(buyer, clerk));
  const today = new Date().toISOString().slice(0, 10);
  const sh = await clerk.post(`/api/contracts/${contractId}/shipments`, { data: { lines: [{ contractLineNo: 1, quantity: '12000' }] } });
  expect(sh.status(), await sh.text()).toBe(201);
  const shipmentId = (await sh.json()).shipments[0].id;
  const booking = { carrier: 'COSCO Shipping Lines', vessel: 'COSCO Aries', voyage: '041W', bookingNumber: 'COSU6312345670', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: today, eta: today };
  for (const data of [
    { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: today, booking },
    { milestone: 'DEPARTED', classifier: 'ACT', date: today, location: 'CNNGB' },
    { milestone: 'BL_ISSUED', classifier: 'ACT', date: today, onBoardDate: today, blNumber: 'COSU6312345670' },
    { milestone: 'ARRIVED', classifier: 'ACT', date: today, location: 'DEHAM' },
  ]) {
    const res = await clerk.post(`/api/shipments/${shipmentId}/events`, { data });
    expect(res.status(), await res.text()).toBe(201);
  }
  await buyer.dispose();
  await clerk.dispose();
});

test('the buyer files a damage claim with a photo from the shipment, the deadline shown before filing', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await page.goto(`/portal/contracts/${contractId}/tracking`);
  await page.locator('section.shipment').first().getByRole('link', { name: 'File a claim' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^File a claim on shipment SHP-/ })).toBeVisible();
  await page.getByLabel('Type of claim').selectOption('DAMAGE');
  await expect(page.getByRole('status').filter({ hasText: 'File by' })).toContainText('30 days after the arrival');
  await page.getByLabel('Quantity claimed').fill('600');
  await page.getByLabel('Batch').fill('B-0412');
  // More than the lines are worth: refused, naming the amount.
  await page.getByLabel('Amount claimed').fill('50400.01');
  await page.getByLabel('What is wrong').fill('10 cartons crushed at the bottom of container CSQU3054383; 600 bottles dented.');
  await page.getByLabel('Add photos or reports').setInputFiles({ name: 'crushed-cartons.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByText('crushed-cartons.png')).toBeVisible();
  await page.getByRole('button', { name: 'File the claim' }).click();
  await expect(page.getByText(/must not exceed the value of the named lines \(USD 50400\.00\)/)).toBeVisible();
  await page.getByLabel('Amount claimed').fill('2520.00');
  await shot(page, 'claims-file-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shot(page, 'claims-file-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'File the claim' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CLM-\d{4}-\d{6}: Damage in transit$/ })).toBeVisible();
  claimUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('link', { name: 'crushed-cartons.png' })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Claim filed' })).toBeVisible();
  await signOut(page);
});

test('the clerk acknowledges, investigates and asks for more evidence (the response timer pauses)', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  const id = claimUrl.split('/').pop();
  await page.goto('/staff/claims');
  await page.getByRole('link', { name: /^CLM-/ }).first().waitFor();
  await page.goto(`/staff/claims/${id}`);
  await takeStep(page, '下一步', '受理');
  await takeStep(page, '下一步', '开始调查');
  await page.getByLabel('内部备注').fill('Carrier’s tally shows wet cartons at discharge.');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.locator('.claim-timeline__step--internal')).toContainText('wet cartons');
  await takeStep(page, '下一步', '要求补充证据', async (form) => form.getByLabel('理由').fill('Please send the surveyor’s report and a photo of the container floor.'));
  await expect(page.locator('.details').getByText('待补充证据期间暂停计时')).toBeVisible();
  await shot(page, 'claims-staff-desktop');
  await signOut(page);
});

test('the buyer adds the evidence asked for', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await page.goto(claimUrl);
  await expect(page.getByRole('status').filter({ hasText: 'We need more evidence' })).toBeVisible();
  await expect(page.locator('.claim-timeline')).not.toContainText('wet cartons');
  await page.getByRole('group', { name: 'Next step' }).getByRole('button', { name: 'Add evidence', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add evidence' });
  await form.getByLabel('Add photos or reports').setInputFiles({ name: 'survey-report.png', mimeType: 'image/png', buffer: photo });
  await expect(form.getByText('survey-report.png')).toBeVisible();
  await form.getByLabel('Note').fill('Surveyor’s report attached.');
  await form.getByRole('button', { name: 'Add evidence', exact: true }).click();
  await expect(page.locator('.details .badge').first()).toHaveText('Under investigation');
  await expect(page.getByRole('link', { name: 'survey-report.png' })).toBeVisible();
  await signOut(page);
});

test('the clerk determines responsibility and offers a credit note above the approval threshold', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await page.goto(claimUrl.replace('/portal/', '/staff/'));
  await takeStep(page, '下一步', '认定责任', async (form) => { await form.getByLabel('责任方').selectOption('FACTORY'); });
  await takeStep(page, '下一步', '提出理赔方案', async (form) => {
    await form.getByLabel('理赔方式').selectOption('CREDIT_NOTE');
    await form.getByLabel('金额（USD）').fill('2400.00');
  });
  await expect(page.locator('.details .badge').first()).toHaveText('理赔方案待审批');
  await signOut(page);
});

test('the manager approves; the buyer accepts; finance records the credit note and the claim closes', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await page.goto('/staff');
  await page.getByRole('link', { name: /审批 .* 索赔 CLM-.* 的理赔方案/ }).first().click();
  await takeStep(page, '下一步', '批准理赔方案');
  await expect(page.locator('.details .badge').first()).toHaveText('已提出理赔方案');
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await page.goto('/portal');
  await page.getByRole('link', { name: /Answer the settlement offered on claim CLM-/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'We offer a settlement' })).toBeVisible();
  await expect(page.locator('.details')).toContainText('Credit note against a later contract');
  await takeStep(page, 'Next step', 'Accept the settlement');
  await expect(page.locator('.details .badge').first()).toHaveText('Settlement accepted');
  await signOut(page);

  await signIn(page, 'finance@demo.example');
  // The customer's open credit notes before this one (the demo has settled a claim of Northwind's with a credit note already).
  const figures = page.getByRole('region', { name: '各客户索赔款项' }).getByRole('row', { name: /Northwind Imports Ltd/ });
  const openCredit = async () => {
    const amounts = ((await figures.textContent()) ?? '').match(/US\$[\d,]+\.\d{2}/g) ?? [];
    return Math.round(Number((amounts.at(-1) ?? 'US$0').replace(/[^\d.]/g, '')) * 100);
  };
  await page.goto('/staff/claims?open=all');
  await expect(page.getByRole('region', { name: '各客户索赔款项' })).toBeVisible();
  const before = (await figures.count()) > 0 ? await openCredit() : 0;
  await page.goto('/staff');
  await page.getByRole('link', { name: /登记 .* 索赔 CLM-.* 的理赔/ }).first().click();
  await takeStep(page, '下一步', '登记付款或贷记单', async (form) => form.getByLabel('编号').fill('CN-2026-0042'));
  await expect(page.locator('.details .badge').first()).toHaveText('已关闭');
  await expect(page.locator('.details')).toContainText('贷记单未使用');
  await page.goto('/staff/claims?open=all');
  await expect(figures).toBeVisible();
  expect(await openCredit()).toBe(before + 240_000);
  await shot(page, 'claims-finance-desktop');
  await signOut(page);
});

test('the buyer’s timeline shows each step with its date, at desktop and phone width', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await page.goto(claimUrl);
  const steps = page.locator('.claim-timeline > li strong');
  await expect(steps).toHaveText([
    'Claim filed', 'Acknowledged', 'Investigation started', 'More evidence requested', 'Evidence added', 'Responsibility determined', 'Settlement offered',
    'Settlement accepted', 'Settlement recorded', 'Claim closed',
  ]);
  await expect(page.locator('.claim-timeline time')).toHaveCount(10);
  await expect(page.locator('.claim-timeline')).not.toContainText('Internal');
  await expect(page.locator('.claim-timeline')).toContainText('CN-2026-0042');
  await shot(page, 'claims-buyer-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'claims-buyer-390');
  await page.goto('/portal/claims?open=all');
  await expect(page.getByRole('link', { name: /^CLM-/ }).first()).toBeVisible();
  await shot(page, 'claims-list-390');
  // The demo's settled claim sent such a mail too: this claim's names its credit note.
  const mail = await mailTo('buyer@demo.example', 'CN-2026-0042');
  expect(mail).toMatch(/Subject: Claim CLM-\d{4}-\d{6} is settled/);
  await signOut(page);
});
