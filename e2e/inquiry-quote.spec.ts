import { expect, test } from '@playwright/test';
import { mailTo, shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let inquiryUrl = '';

test('a buyer sees an indicative price and sends an inquiry from the product page', async ({ page }) => {
  await signIn(page, 'buyer2@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/catalog?q=vacuum%20bottle');
  await page.locator('.product-grid').getByRole('link', { name: /Stainless steel vacuum bottle 500 ml/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Request a quote' })).toBeVisible();
  // Below the MOQ the panel says so at once.
  await page.getByLabel('Quantity (pc)').fill('500');
  await expect(page.getByText('The minimum order is 1,000 pc.')).toBeVisible();
  await page.getByLabel('Quantity (pc)').fill('12000');
  await page.getByLabel('Rule').selectOption('CIF');
  await page.getByLabel('Destination port').selectOption('DEHAM');
  await expect(page.getByText('Indicative', { exact: true })).toBeVisible();
  await expect(page.locator('.quote-panel__price')).toContainText('CIF');
  await shot(page, '30-indicative-price');
  await page.getByRole('button', { name: 'Request a quote' }).click();

  await expect(page).toHaveURL(/\/portal\/inquiries\/new/);
  await expect(page.getByLabel('Quantity 1')).toHaveValue('12000');
  await expect(page.getByLabel('Incoterm')).toHaveValue('CIF');
  await page.getByLabel('Target price 1').fill('2.90');
  await page.getByLabel('Payment terms').fill('30% deposit, 70% against B/L copy');
  await page.getByLabel('Message to the supplier').fill('Please quote with our logo laser-engraved; 4 colours.');
  await page.getByLabel('Attachments').setInputFiles({ name: 'logo-drawing.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await expect(page.getByText('logo-drawing.pdf')).toBeVisible();
  await shot(page, '31-inquiry-form');
  await page.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(page).toHaveURL(/\/portal\/inquiries\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^INQ-\d{4}-\d{6}$/ })).toBeVisible();
  await expect(page.getByText('Awaiting quote')).toBeVisible();
  inquiryUrl = new URL(page.url()).pathname;
  await shot(page, '32-inquiry-sent');
  await signOut(page);
});

test('a clerk finds it in the inbox, costs it on the workbench and sends the pro-forma quote', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await page.getByRole('navigation').first().getByRole('link', { name: '询盘', exact: true }).click();
  await expect(page.getByRole('heading', { name: '询盘收件箱' })).toBeVisible();
  // The demo history holds other open inquiries of this buyer: find this one by its link.
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="${inquiryUrl.replace('/portal/', '/staff/')}"]`) });
  await expect(row.getByText(/剩余/)).toBeVisible();
  await shot(page, '33-clerk-inbox');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '编制形式发票报价' })).toBeVisible();
  // A one-line inquiry opens its workbench by itself.
  const toggle = page.getByRole('button', { name: '核价' }).first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  // The seeded cost sheet fills the workbench; the build-up and prices appear.
  await expect(page.getByText('出口换汇成本')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('table', { name: /件的 EUR 报价/ })).toBeVisible();
  await shot(page, '34-costing-workbench');
  await page.getByRole('row', { name: /^CIF/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 1')).not.toHaveValue('');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('article', { name: /PI-\d{4}-\d{6} rev\. 1/ })).toBeVisible();
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(page.getByRole('article').getByText('已发送')).toBeVisible();
  await shot(page, '35-quote-sent');
  await signOut(page);
});

test('the buyer sees the quote in the portal, by email, and as a PDF', async ({ page, request }) => {
  await mailTo('buyer2@demo.example', 'PI-');
  await signIn(page, 'buyer2@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryUrl);
  const pi = page.getByRole('article', { name: /PI-\d{4}-\d{6} rev\. 1/ });
  await expect(pi).toBeVisible();
  await expect(pi.getByText('Sent', { exact: true })).toBeVisible();
  await expect(pi).toContainText('CIF');
  await expect(pi.getByText(/Margin|margin/)).toHaveCount(0);
  await shot(page, '36-buyer-sees-quote');
  const href = await pi.getByRole('link', { name: 'PDF' }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Another company cannot fetch it.
  const anonymous = await request.get(href!);
  expect(anonymous.status()).toBe(401);
});
