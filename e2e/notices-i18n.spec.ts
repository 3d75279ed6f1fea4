import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

/*
 * Notices in the reader's language: the buyer (English) accepts a quote; the clerk (Chinese, the
 * staff default) finds the notice in the bell in Chinese, with the total grouped and its currency
 * as Chinese readers write it (US$40,951.20), and the buyer's own mail stays English (USD 40,951.20).
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A state-changing API call from the portal's own pages (the browser sends its Origin). */
async function send(page: Page, method: 'POST' | 'PUT', url: string, data: object) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(url, { method, data, headers: { origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function productId(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/catalog/search?q=vacuum%20bottle%20500');
  const hit = (await res.json()).items.find((p: { sku: string }) => p.sku === 'DW-BTL-500');
  return hit.id;
}

test('a Chinese-speaking clerk gets the buyer’s acceptance in Chinese, with the amount formatted, in the bell', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  const bottle = await productId(page.request);
  const inquiry = await send(page, 'POST', '/api/inquiries', {
    lines: [{ productId: bottle, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  await signOut(page);

  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  const quote = await send(page, 'POST', `/api/inquiries/${inquiry.id}/quotes`, {
    // FOB: the seeded cost sheet costs no freight.
    currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
    paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    leadTimeDays: 35, shipmentDate: day(60), packing: '24 pcs per export carton', validUntil: day(30),
    lines: [{ inquiryLineId: inquiry.lines[0].id, productId: bottle, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126' }],
  });
  await send(page, 'POST', `/api/quotes/${quote.id}/revisions/1/send`, {});
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  const contract = await send(page, 'POST', `/api/quotes/${quote.id}/revisions/1/accept`, {});
  // The buyer's own notice is English, the amount with its currency code.
  await page.reload();
  await page.locator('.bell__button').click();
  await expect(page.locator('.bell__panel')).toContainText(`Sales contract ${contract.number} issued: please confirm`);
  await expect(page.locator('.bell__panel')).toContainText('USD 40,951.20 FOB Ningbo');
  await signOut(page);

  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.locator('.bell__button').click();
  const panel = page.locator('.bell__panel');
  await expect(panel).toContainText(`Northwind Imports Ltd 接受了 ${quote.number} 第 1 版：合同 ${contract.number}`);
  await expect(panel).toContainText('US$40,951.20 FOB Ningbo；等待买方确认。');
  await expect(panel).toContainText(`Northwind Imports Ltd 发来新询盘 ${inquiry.number}`);
  await shot(page, 'notices-clerk-zh-bell', { fullPage: false });
});
