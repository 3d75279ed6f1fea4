import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let contractPath = '';
let latestShipment = '';

/** A calendar date (YYYY-MM-DD) moved by some days. */
const plusDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);


test('an L/C quote is sent, accepted and the sales contract confirmed', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/catalog?q=cotton%20tote');
  await page.locator('.product-grid').getByRole('link', { name: /Cotton tote bag/ }).first().click();
  await page.getByLabel('Quantity (pc)').fill('20000');
  await page.getByRole('button', { name: 'Request a quote' }).click();
  await expect(page.getByLabel('Quantity 1')).toHaveValue('20000');
  await page.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^INQ-/ })).toBeVisible();
  const inquiryPath = new URL(page.url()).pathname;
  await signOut(page);

  // The clerk prices it on the workbench and chooses "L/C at sight" as payment terms.
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(inquiryPath.replace('/portal/', '/staff/'));
  const toggle = page.getByRole('button', { name: '核价' }).first();
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByText('出口换汇成本')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('row', { name: /^FOB/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 1')).not.toHaveValue('');
  await page.getByLabel('付款条件').selectOption('LC-SIGHT');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const rev = page.getByRole('article', { name: /rev\. 1/ });
  await expect(rev).toBeVisible();
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(rev.getByText('已发送')).toBeVisible();
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  await expect(page.getByRole('article', { name: /rev\. 1/ })).toContainText(/L\/C/);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Accept this quote' }).click();
  await expect(page).toHaveURL(/\/portal\/contracts\/[0-9a-f-]{36}$/);
  contractPath = new URL(page.url()).pathname;
  // Before confirmation the panel says no credit yet and offers no form.
  await expect(page.locator('#lc-title')).toHaveText('Letter of credit');
  await expect(page.getByRole('button', { name: 'Save the letter of credit' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Confirm the contract' }).click();
  await expect(page.locator('.page__title .badge').first()).toHaveText('Confirmed');
  const contract = await (await page.request.get(`/api/contracts/${contractPath.split('/').pop()}`)).json();
  expect(contract.paymentMethod).toBe('LC');
  latestShipment = contract.latestShipmentDate;
  expect(latestShipment).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('the buyer records the credit with an expiry too early to present the documents', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(contractPath);
  await expect(page.getByRole('heading', { level: 1, name: /Sales contract SC-\d{4}-\d{6}/ })).toBeVisible();
  const panel = page.locator('section').filter({ has: page.locator('#lc-title') });
  await expect(panel.locator('.badge')).toHaveText('Not recorded yet');
  await expect(panel.getByText(/L\/C share of the contract: /)).toBeVisible();
  const form = page.getByRole('form', { name: 'Letter of credit' });
  // The form starts from the contract: its latest shipment date, the L/C share and currency.
  await expect(form.getByLabel('Latest shipment date in the credit')).toHaveValue(latestShipment);
  await expect(form.getByLabel('Currency')).toHaveValue('USD');
  await form.getByLabel('L/C number').fill('LC-DE-2026-00871');
  await form.getByLabel('Issuing bank', { exact: true }).fill('Deutsche Bank AG, Frankfurt am Main');
  await form.getByLabel(/^Issuing bank BIC/).fill('deutdeffxxx');
  await form.getByLabel('Issue date').fill(new Date().toISOString().slice(0, 10));
  // Deliberate discrepancy: 10 days after the latest shipment, not the 21 days of presentation.
  const expiry = plusDays(latestShipment, 10);
  await form.getByLabel('Expiry date').fill(expiry);
  await expect(form.getByLabel('Presentation days after shipment')).toHaveValue('21');
  await shot(page, '50-lc-buyer-form');
  await page.setViewportSize({ width: 390, height: 844 });
  // The viewport at the panel (a full-page shot would paint the sticky header mid-page).
  await page.evaluate(() => window.scrollTo(0, document.getElementById('lc-title')!.getBoundingClientRect().top + window.scrollY - (document.querySelector('header')?.getBoundingClientRect().height ?? 0) - 12));
  await shot(page, '51-lc-buyer-form-narrow', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.getByRole('button', { name: 'Save the letter of credit' }).click();
  await expect(panel.locator('.badge')).toHaveText('Received, being checked');
  await expect(panel.getByText('LC-DE-2026-00871')).toBeVisible();
  await expect(panel.getByText('Deutsche Bank AG, Frankfurt am Main (DEUTDEFFXXX)')).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Discrepancies with the contract' })).toContainText(/The credit expires on [^:]+2027: documents of a shipment on .+ may be presented until .+ \(UCP 600 art\. 14c\)/);
  // The contract's own L/C line follows.
  await expect(page.locator('.details').first()).toContainText('LC-DE-2026-00871');
  await expect(page.locator('.details').first()).toContainText('Received, being checked');
  await shot(page, '52-lc-buyer-received');
  await signOut(page);
});

test('the clerk sees the discrepancy and asks for an amendment with a note', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(contractPath.replace('/portal/', '/staff/'));
  const panel = page.locator('section').filter({ has: page.locator('#lc-title') });
  await expect(panel.locator('#lc-title')).toHaveText('信用证');
  await expect(panel.locator('.badge')).toHaveText('已收到，审核中');
  await expect(panel.getByRole('region', { name: '与合同不符之处' })).toContainText('UCP 600 第14条c款');
  // The expiry row is highlighted; the others are not.
  await expect(panel.locator('dd.changed')).toHaveCount(1);
  await expect(panel.locator('dt:has-text("有效期") + dd')).toHaveClass(/changed/);
  // The buyer's form is not offered to staff.
  await expect(page.getByRole('button', { name: '保存信用证' })).toHaveCount(0);
  // An amendment request without a note is refused on the spot.
  await panel.getByRole('button', { name: '要求修改' }).click();
  await expect(panel.getByText('请说明信用证需要修改的内容')).toBeVisible();
  await panel.getByLabel(/^备注/).fill('Please extend the expiry to at least 21 days after the latest shipment date (UCP 600 art. 14c).');
  await shot(page, '53-lc-clerk-review');
  await panel.getByRole('button', { name: '要求修改' }).click();
  await expect(panel.locator('.badge')).toHaveText('要求修改');
  await expect(panel.getByRole('button', { name: '接受' })).toHaveCount(0);
  await expect(panel).toContainText('Please extend the expiry');
  await signOut(page);
});

test('the buyer sees the amendment request and the note, and can record the credit again', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(contractPath);
  const panel = page.locator('section').filter({ has: page.locator('#lc-title') });
  await expect(panel.locator('.badge')).toHaveText('Amendment requested');
  await expect(panel.getByText('Please extend the expiry to at least 21 days')).toBeVisible();
  await expect(panel.getByText(/^Reviewed by .+, /)).toBeVisible();
  await expect(panel.getByText('The exporter asked for an amendment.')).toBeVisible();
  await expect(panel.getByRole('form', { name: 'Letter of credit' }).getByLabel('L/C number')).toHaveValue('LC-DE-2026-00871');
  await shot(page, '54-lc-buyer-amendment-requested');
});
