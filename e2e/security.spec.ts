import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';

/*
 * The SPA works under the strict Content-Security-Policy (scripts from the portal only, no inline
 * script or style element, no framing): no page reports a CSP violation, in the console or as a
 * securitypolicyviolation event, and every page renders its heading.
 */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

test('the main pages run under the Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto('/catalog');
  const csp = res!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res!.headers()['x-content-type-options']).toBe('nosniff');

  await visit(page, '/catalog?q=bottle');
  await page.getByRole('link', { name: /bottle/i }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await visit(page, '/supplier');
  await visit(page, '/login');
  await visit(page, '/register');

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  for (const url of ['/portal', '/portal/inquiries', '/portal/inquiries/new', '/portal/contracts', '/portal/company', '/portal/account']) await visit(page, url);
  await page.getByRole('button', { name: /Sign out/ }).click();

  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  for (const url of ['/staff', '/staff/inquiries', '/staff/approvals', '/staff/companies', '/staff/products', '/staff/products/new', '/staff/settings', '/staff/contracts']) await visit(page, url);

  expect(violations).toEqual([]);
});

test('the API docs run under the same policy', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Harbour Homeware buyer portal API/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('/api/auth/login').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the portal cannot be framed by another page', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.setContent(`<iframe src="${test.info().project.use.baseURL}/catalog" title="framed"></iframe>`);
  await expect.poll(() => violations.some((v) => /frame-ancestors/.test(v)), { timeout: 10_000 }).toBe(true);
  const framed = page.frames().find((f) => f.url().includes('/catalog'));
  // Chromium shows an error page in the refused frame: the portal never renders there.
  if (framed) expect(await framed.locator('#root').count()).toBe(0);
});
