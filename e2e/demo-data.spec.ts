import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

// A fresh `pnpm start` holds months of demo history: every role signs in to lists that are not empty.
test.describe.configure({ mode: 'serial' });

/** Links on the page into records of this kind (detail pages, not "new" forms). */
const recordLinks = (page: Page, prefix: string) => page.locator(`main a[href^="${prefix}"]:not([href$="/new"])`);

async function expectBell(page: Page) {
  await expect(page.locator('.bell__count')).toBeVisible();
  await expect(page.locator('.bell__count')).not.toHaveText('0');
}

test('the clerk finds an inbox with overdue and new inquiries, contracts and notices', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await expectBell(page);
  await page.goto('/staff/inquiries');
  await expect(recordLinks(page, '/staff/inquiries/').first()).toBeVisible();
  expect(await recordLinks(page, '/staff/inquiries/').count()).toBeGreaterThan(5);
  await shot(page, 'demo-clerk-inbox');
  await page.goto('/staff/contracts');
  await expect(recordLinks(page, '/staff/contracts/').first()).toBeVisible();
  expect(await recordLinks(page, '/staff/contracts/').count()).toBeGreaterThanOrEqual(6);
  await shot(page, 'demo-clerk-contracts');
  await signOut(page);
});

test('the manager has a quote waiting for approval', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await expectBell(page);
  await page.goto('/staff/approvals');
  await expect(recordLinks(page, '/staff/quotes/').first()).toBeVisible();
  await shot(page, 'demo-manager-approvals');
  await signOut(page);
});

test('finance sees the contracts and their letters of credit', async ({ page }) => {
  await signIn(page, 'finance@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto('/staff/contracts');
  await expect(recordLinks(page, '/staff/contracts/').first()).toBeVisible();
  expect(await recordLinks(page, '/staff/contracts/').count()).toBeGreaterThanOrEqual(6);
  await signOut(page);
});

test('the administrator sees the approved buyer companies of several countries', async ({ page }) => {
  await signIn(page, 'admin@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto('/staff/companies');
  await expect(recordLinks(page, '/staff/companies/').first()).toBeVisible();
  expect(await recordLinks(page, '/staff/companies/').count()).toBeGreaterThanOrEqual(5);
  await signOut(page);
});

for (const email of ['buyer@demo.example', 'buyer2@demo.example', 'maple@demo.example']) {
  test(`${email} finds their inquiries with quotes, contracts and notices`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/portal$/);
    await expectBell(page);
    await page.goto('/portal/inquiries');
    await expect(recordLinks(page, '/portal/inquiries/').first()).toBeVisible();
    await shot(page, `demo-${email.split('@')[0]}-inquiries`);
    await page.goto('/portal/contracts');
    await expect(recordLinks(page, '/portal/contracts/').first()).toBeVisible();
    await signOut(page);
  });
}

test('every demo product shows its picture in search and on its page', async ({ page }) => {
  await page.goto('/catalog');
  const pictures = page.locator('main img[src^="/api/catalog/images/"]');
  await expect(pictures.first()).toBeVisible();
  expect(await pictures.count()).toBeGreaterThanOrEqual(12);
  // The pictures in view have loaded (a broken image has no natural width; those further down load lazily).
  await expect.poll(() => pictures.evaluateAll((imgs) => imgs.slice(0, 3).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
  await shot(page, 'demo-catalog-pictures');
  await page.locator('.product-grid').getByRole('link', { name: /vacuum bottle 500 ml/i }).first().click();
  await expect(page.locator('main img[src^="/api/catalog/images/"]').first()).toBeVisible();
  await shot(page, 'demo-product-picture', { fullPage: false });
});
