import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

// Every role at a phone's width (390 px) and on a desktop: the home page, the menu, and a sales
// contract and its PI with the amount and total on screen (issue 16).
test.describe.configure({ mode: 'serial' });

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
let inquiryPath = '';
let contractPath = '';

/** Opens the phone menu and checks that the entries past the old right edge are reachable. */
async function openMenu(page: Page, entries: RegExp[]) {
  const menu = page.getByRole('button', { name: /^(Menu|菜单)$/ });
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const entry of entries) await expect(page.getByRole('navigation').getByRole('link', { name: entry })).toBeInViewport();
}

/** The element lies wholly inside the phone's width: nothing cut off at the right edge. */
async function expectWhollyOnScreen(page: Page, selector: ReturnType<Page['locator']>) {
  await selector.scrollIntoViewIfNeeded();
  const box = await selector.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(phone.width);
  await expect(selector).toBeInViewport({ ratio: 1 });
}

test('a buyer, a clerk and the buyer again make a sales contract to look at', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/catalog?q=cotton%20tote');
  await page.locator('.product-grid').getByRole('link', { name: /Cotton tote bag/ }).first().click();
  await page.getByLabel('Quantity (pc)').fill('20000');
  await page.getByRole('button', { name: 'Request a quote' }).click();
  await page.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^INQ-/ })).toBeVisible();
  inquiryPath = new URL(page.url()).pathname;
  await signOut(page);

  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(inquiryPath.replace('/portal/', '/staff/'));
  const toggle = page.getByRole('button', { name: '核价' }).first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('row', { name: /^FOB/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 1')).not.toHaveValue('');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const rev = page.getByRole('article', { name: /rev\. 1/ });
  await expect(rev).toBeVisible();
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(rev.getByText('已发送')).toBeVisible();
  await signOut(page);

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Accept this quote' }).click();
  await expect(page).toHaveURL(/\/portal\/contracts\/[0-9a-f-]{36}$/);
  contractPath = new URL(page.url()).pathname;
});

const roles = [
  { email: 'buyer@demo.example', name: 'buyer', home: /\/portal$/, menu: [/^Company$/, /^My account$/], base: '/portal' },
  { email: 'clerk@demo.example', name: 'clerk', home: /\/staff$/, menu: [/^询盘$/, /^我的账户$/], base: '/staff' },
  { email: 'finance@demo.example', name: 'finance', home: /\/staff$/, menu: [/^合同$/, /^我的账户$/], base: '/staff' },
  { email: 'manager@demo.example', name: 'manager', home: /\/staff$/, menu: [/^采购商审批$/, /^我的账户$/], base: '/staff' },
  { email: 'admin@demo.example', name: 'admin', home: /\/staff$/, menu: [/^员工$/, /^我的账户$/], base: '/staff' },
];

for (const role of roles) {
  test(`${role.name}: home with a waiting item whose link works, on a desktop and at 390 px; the menu reaches every entry, the contract total is on screen`, async ({ page }) => {
    await page.setViewportSize(desktop);
    await signIn(page, role.email);
    await expect(page).toHaveURL(role.home);
    await expect(page.getByRole('region', { name: /Needs your action|待办事项/ })).toBeVisible();
    // A desktop shows the navigation itself, no menu button.
    await expect(page.getByRole('button', { name: /^(Menu|菜单)$/ })).toBeHidden();
    await expect(page.getByRole('navigation').getByRole('link', { name: role.menu[1]! })).toBeVisible();
    await shot(page, `home-${role.name}-desktop`);
    // At least one thing waits for this role, and its link opens the record where it is done.
    const item = page.getByRole('region', { name: /Needs your action|待办事项/ }).locator('.queue__item a').first();
    await expect(item).toBeVisible();
    const target = (await item.getAttribute('href'))!;
    await item.click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === target);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page.getByText(/Not found|does not exist|未找到|页面不存在/)).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(role.home);

    await page.setViewportSize(phone);
    await page.reload();
    await expect(page.getByRole('region', { name: /Needs your action|待办事项/ })).toBeVisible();
    // No page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(page, `home-${role.name}-390`, { fullPage: false });
    await shot(page, `home-${role.name}-390-full`);
    await openMenu(page, role.menu);
    await shot(page, `menu-${role.name}-390`, { fullPage: false });

    // The sales contract: every line's amount and the total inside the phone's width.
    await page.goto(contractPath.replace('/portal', role.base));
    const contract = page.locator('article.contract');
    await expect(contract).toBeVisible();
    await shot(page, `contract-${role.name}-390-full`);
    expect(await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 391).map((e) => `${e.tagName}.${e.className}`).slice(0, 8))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    const total = contract.locator('tfoot td.num').first();
    await expect(total).toHaveText(/\$\d{1,3}(,\d{3})*\.\d{2}/);
    await expectWhollyOnScreen(page, total);
    await expectWhollyOnScreen(page, contract.locator('tbody td[data-label]').filter({ hasText: /\$/ }).last());
    await shot(page, `contract-${role.name}-390`, { fullPage: false });

    // The inquiry and its PI (the finance role has no inquiries).
    if (role.name !== 'finance' && role.name !== 'admin') {
      await page.goto(inquiryPath.replace('/portal', role.base));
      const pi = page.getByRole('article', { name: /rev\. 1/ });
      await expect(pi).toBeVisible();
      await expectWhollyOnScreen(page, pi.locator('tfoot td.num').first());
      await shot(page, `inquiry-${role.name}-390`, { fullPage: false });
    }
    await page.goto(`${role.base}/contracts`);
    await expectWhollyOnScreen(page, page.locator('.table--stack tbody td.num').first());
    await shot(page, `contracts-${role.name}-390`, { fullPage: false });
  });
}

test('the catalog at 390 px: products first, facets behind "Filters (n)"', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/catalog?material=304%20stainless%20steel');
  const filters = page.getByRole('button', { name: 'Filters (1)' });
  await expect(filters).toBeVisible();
  await expect(page.locator('.product-grid a').first()).toBeInViewport();
  await shot(page, 'catalog-390', { fullPage: false });
  await filters.click();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  await shot(page, 'catalog-filters-390', { fullPage: false });
  await page.getByRole('button', { name: /^Show \d+ products?$/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a page past the last one goes to the last page; a broken link and an unknown address read "not found" with a way on', async ({ page }) => {
  await page.goto('/catalog?page=2');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByText('No product matches')).toHaveCount(0);
  await expect(page.locator('.product-grid a').first()).toBeVisible();

  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/contracts/123');
  await expect(page.getByText('Not found: this record does not exist, or it is not yours to see.')).toBeVisible();
  await expect(page.getByText(/Invalid UUID/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Back to Contracts' }).click();
  await expect(page).toHaveURL(/\/portal\/contracts$/);

  await page.setViewportSize(phone);
  await page.goto('/portal/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await shot(page, 'not-found-390', { fullPage: false });
  await page.getByRole('link', { name: 'Go to your home page' }).click();
  await expect(page).toHaveURL(/\/portal$/);
});
