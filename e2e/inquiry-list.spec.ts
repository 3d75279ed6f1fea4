import { expect, test, type Page } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

/*
 * The inquiry list on the buyer's account: products added from their pages say so at once, the list
 * survives another session, more are added by search, one is removed, and one inquiry asks for the
 * rest; sending it takes them off the list.
 */

async function productIdOf(page: Page, sku: string, q: string): Promise<string> {
  const res = await page.request.get(`/api/catalog/search?q=${encodeURIComponent(q)}`);
  return (await res.json()).items.find((p: { sku: string }) => p.sku === sku).id;
}

test('a buyer collects products on the account and asks for them in one inquiry', async ({ page, browser }) => {
  await signIn(page, 'buyer2@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  // Start from an empty list (other flows of the run may have used it).
  await page.request.fetch('/api/inquiry-list', { method: 'DELETE', headers: { origin: new URL(page.url()).origin } });

  const bottle = await productIdOf(page, 'DW-BTL-500', 'vacuum bottle 500');
  await page.goto(`/catalog/products/${bottle}`);
  await page.getByLabel(/^Quantity/).fill('15000');
  await page.getByRole('button', { name: 'Add to inquiry list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is on your inquiry list (1 product)' })).toBeVisible();

  const mug = await productIdOf(page, 'DW-MUG-350', 'mug 350');
  await page.goto(`/catalog/products/${mug}`);
  await page.getByRole('button', { name: 'Add to inquiry list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is on your inquiry list (2 products)' })).toBeVisible();

  // Another session of the same buyer (another device) has the same list; a third product comes by search.
  const other = await browser.newPage({ baseURL: new URL(page.url()).origin, locale: 'en-GB' });
  await signIn(other, 'buyer2@demo.example');
  await expect(other).toHaveURL(/\/portal$/);
  await other.goto('/portal/inquiries');
  const list = other.getByRole('region', { name: 'Your inquiry list' });
  await expect(list.getByRole('listitem').filter({ hasText: '15,000 pc' })).toBeVisible();
  await list.getByLabel('Add a product by name or SKU').fill('tumbler');
  await list.getByRole('button', { name: /^Add .*[Tt]umbler/ }).first().click();
  await expect(list.getByText('added', { exact: true }).first()).toBeVisible();
  await expect(list.getByRole('button', { name: 'Inquire about these 3 products' })).toBeVisible();
  await shot(other, 'inquiry-list-desktop');
  await list.getByRole('button', { name: /^Remove .*[Mm]ug/ }).click();
  await expect(list.getByRole('button', { name: 'Inquire about these 2 products' })).toBeVisible();

  await list.getByRole('button', { name: 'Inquire about these 2 products' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'New inquiry' })).toBeVisible();
  await expect(other.getByLabel('Quantity 1')).toHaveValue('15000');
  await other.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(other).toHaveURL(/\/portal\/inquiries\/[0-9a-f-]{36}$/);
  await other.goto('/portal/inquiries');
  await expect(other.getByRole('region', { name: 'Your inquiry list' })).toContainText('Your inquiry list is empty');
  await other.close();
});
