import { expect, test } from '@playwright/test';
import { apiAs, confirmedContractViaApi, mailTo, shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let contractId = '';
let contractNumber = '';

test('a confirmed contract that allows partial shipment (set up through the API)', async () => {
  const buyer = await apiAs('buyer@demo.example');
  const clerk = await apiAs('clerk@demo.example');
  ({ id: contractId, number: contractNumber } = await confirmedContractViaApi(buyer, clerk));
  expect((await clerk.post(`/api/contracts/${contractId}/amendments`, { data: { reason: 'Two sailings', changes: { partialShipmentAllowed: true } } })).status()).toBe(201);
  expect((await buyer.post(`/api/contracts/${contractId}/amendments/1/confirm`, { data: {} })).status()).toBe(200);
  await buyer.dispose();
  await clerk.dispose();
});

test('the clerk plans a partial shipment and records its booking, stuffing and departure', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/contracts/${contractId}/execution`);
  await expect(page.getByRole('heading', { level: 1, name: `${contractNumber} 执行记录` })).toBeVisible();
  await page.getByLabel(/^第 1 行/).fill('5000');
  await page.getByRole('button', { name: '安排货运' }).click();
  const card = page.locator('section.shipment').first();
  await expect(card.getByRole('heading', { level: 2, name: /^货运 SHP-/ })).toBeVisible();
  // Planned, not yet shipped: 5,000 on the shipment, 7,000 on none yet.
  const cells = page.getByRole('row', { name: /Stainless steel vacuum bottle/ }).getByRole('cell');
  await expect(cells.nth(3)).toHaveText('0');
  await expect(cells.nth(4)).toHaveText('5,000');
  await expect(cells.nth(5)).toHaveText('7,000');

  // The booking: vessel, voyage, ports, ETD and ETA.
  const today = new Date().toISOString().slice(0, 10);
  const plus = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const form = card.getByRole('form', { name: '记录节点' });
  await form.getByLabel('节点', { exact: true }).selectOption('BOOKING_CONFIRMED');
  await form.getByLabel('日期', { exact: true }).fill(today);
  await form.getByLabel('承运人', { exact: true }).fill('COSCO Shipping Lines');
  await form.getByLabel('船名', { exact: true }).fill('COSCO Aries');
  await form.getByLabel('航次', { exact: true }).fill('041W');
  await form.getByLabel('订舱号', { exact: true }).fill('COSU6312345670');
  await form.getByLabel('预计开航', { exact: true }).fill(today);
  await form.getByLabel('预计到港', { exact: true }).fill(plus(32));
  await form.getByRole('button', { name: '记录', exact: true }).click();
  await expect(card.locator('.badge').first()).toHaveText('已订舱');

  // A container number with a wrong check digit is refused, naming the field; then the right one.
  await form.getByLabel('节点', { exact: true }).selectOption('CONTAINER_STUFFED');
  await form.getByLabel('箱号（ISO 6346）', { exact: true }).fill('CSQU3054384');
  await form.getByLabel('封号', { exact: true }).fill('CN1234567');
  await form.getByLabel('箱数', { exact: true }).fill('100');
  await form.getByLabel('货物毛重 kg', { exact: true }).fill('1750');
  await form.getByLabel('体积 CBM', { exact: true }).fill('6.2');
  await form.getByLabel('VGM kg', { exact: true }).fill('5700');
  await form.getByRole('button', { name: '记录', exact: true }).click();
  await expect(card.getByText(/wrong check digit/)).toBeVisible();
  await form.getByLabel('箱号（ISO 6346）', { exact: true }).fill('CSQU3054383');
  await form.getByRole('button', { name: '记录', exact: true }).click();
  await expect(card.getByRole('cell', { name: 'CSQU3054383' })).toBeVisible();

  await form.getByLabel('节点', { exact: true }).selectOption('DEPARTED');
  await form.getByLabel('日期', { exact: true }).fill(today);
  await form.getByLabel('地点', { exact: true }).fill('Ningbo');
  await form.getByRole('button', { name: '记录', exact: true }).click();
  await expect(card.locator('.badge').first()).toHaveText('在途');
  await shot(page, 'shipments-clerk-execution');
  await signOut(page);
});

test('the buyer sees the timeline, downloads the commercial invoice and packing list, and has the notice mail', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/shipments');
  const row = page.getByRole('row', { name: new RegExp(contractNumber) });
  await expect(row).toContainText('At sea');
  await expect(row).toContainText('COSCO Aries');
  await row.getByRole('link', { name: contractNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Tracking ${contractNumber}` })).toBeVisible();
  const card = page.locator('section.shipment').first();
  const timeline = card.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Booking confirmed' })).toContainText('Actual');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Departed' })).toContainText('Actual');
  await expect(card.getByRole('cell', { name: 'CSQU3054383' })).toBeVisible();
  await expect(card).not.toContainText('Internal note');
  await shot(page, 'shipments-tracker-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'shipments-tracker-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  for (const name of [/^Commercial invoice/, /^Packing list/]) {
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name }).click()]);
    const file = await download.path();
    expect(file).toBeTruthy();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^(PL-)?CI-\d{4}-\d{6}\.pdf$/);
  }
  const mail = await mailTo('buyer@demo.example', `Vessel departed: ${contractNumber}`);
  expect(mail).toContain('COSCO Aries');
});

test('the clerk records the batch certificate of the shipment; the buyer finds it by its batch number', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/contracts/${contractId}/execution`);
  const form = page.getByRole('form', { name: '登记批次质检单' }).first();
  const batch = `B-E2E-${Date.now().toString(36).toUpperCase()}`;
  await form.getByLabel('批次号', { exact: true }).fill(batch);
  await form.getByLabel('生产日期', { exact: true }).fill(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel('证书号', { exact: true }).fill(`QC-${batch}`);
  await form.getByLabel('签发方', { exact: true }).fill('Ningbo Harbour Homeware QC laboratory');
  const first = form.getByRole('group', { name: '第 1 项' });
  await first.getByLabel('项目', { exact: true }).fill('Drop test (carton, 76 cm)');
  await first.getByLabel('结果', { exact: true }).fill('no damage');
  await form.getByRole('button', { name: '添加检验项目' }).click();
  const second = form.getByRole('group', { name: '第 2 项' });
  await second.getByLabel('项目', { exact: true }).fill('Capacity');
  await second.getByLabel('标准', { exact: true }).fill('Approved sample');
  await second.getByLabel('结果', { exact: true }).fill('500 ml ± 5');
  await form.getByRole('button', { name: '登记质检单' }).click();
  await expect(form.getByRole('status')).toContainText(`质检单 QC-${batch} 已登记`);
  await shot(page, 'shipments-certificate-form');
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/portal/certificates?batchNo=${batch}`);
  const row = page.getByRole('row', { name: new RegExp(batch) });
  await expect(row).toContainText(contractNumber);
  await expect(row).toContainText('Pass');
  await row.getByRole('link', { name: `QC-${batch}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Quality certificate QC-${batch}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Drop test (carton, 76 cm)' })).toBeVisible();
});
