import { expect, test } from '@playwright/test';
import { mailTo, shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

const company = `Baltic Homewares OÜ ${Date.now().toString(36)}`;
const buyerEmail = `kadri.${Date.now().toString(36)}@baltic-home.example`;

test('an overseas buyer registers their company and waits for approval', async ({ page }) => {
  await page.goto('/register');
  await expect(page.getByRole('heading', { name: 'Register your company' })).toBeVisible();
  // Submitting empty names the fields at fault, next to each field.
  await page.getByRole('button', { name: 'Register company' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '01-register-errors');

  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Country').selectOption('EE');
  await page.getByLabel('Address', { exact: true }).fill('Sadama 25');
  await page.getByLabel('City').fill('Tallinn');
  await page.getByLabel('Postal code').fill('10111');
  await page.getByLabel('Preferred currency').selectOption('EUR');
  await page.getByLabel('Your name').fill('Kadri Tamm');
  await page.getByLabel('Work email').fill(buyerEmail);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Register company' }).click();
  await expect(page.getByText('must be at least 10 characters')).toBeVisible();
  await page.getByLabel('Password').fill('Baltic-Homes-2026');
  await shot(page, '02-register-filled');
  await page.getByRole('button', { name: 'Register company' }).click();

  // Nobody is signed in until the address is confirmed: the link comes by mail.
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByText(buyerEmail)).toBeVisible();
  await shot(page, '03a-register-check-mail');
  const confirmation = await mailTo(buyerEmail, '/verify-email#');
  const link = /(http:\/\/[^\s"<>]+\/verify-email#[A-Za-z0-9_-]+)/.exec(confirmation)![1]!;
  await page.goto(link);

  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Kadri Tamm' })).toBeVisible();
  await expect(page.locator('.status-card')).toContainText('Awaiting approval');
  await expect(page.locator('.status-card')).toContainText(company);
  await shot(page, '03-buyer-pending');
  await mailTo(buyerEmail, `Thank you for registering ${company}`);
});

test('a manager approves the new company and the buyer sees it', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  // Staff default to Chinese.
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByRole('link', { name: '采购商审批' }).first().click();
  await expect(page.getByRole('heading', { name: '待审批的公司' })).toBeVisible();
  await shot(page, '04-manager-approvals');
  await page.getByRole('link', { name: company }).click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();
  // Rejecting needs a reason.
  await page.getByRole('button', { name: '拒绝' }).click();
  await expect(page.getByText('拒绝或暂停时请填写原因。')).toBeVisible();
  await page.getByLabel('信用期（天，O/A）').fill('30');
  await shot(page, '05-manager-review');
  await page.getByRole('button', { name: '批准' }).click();
  await expect(page.getByText('已保存决定，并已通知采购商。')).toBeVisible();
  await expect(page.locator('.page__title .badge')).toHaveText('已批准');
  await shot(page, '06-manager-approved');
  await signOut(page);

  await mailTo(buyerEmail, 'Your company is approved');
  await signIn(page, buyerEmail, 'Baltic-Homes-2026');
  await expect(page.locator('.status-card')).toContainText('Your company is approved');
  await expect(page.getByRole('button', { name: /Notifications \(\d+\)/ })).toBeVisible();
  await page.getByRole('button', { name: /Notifications/ }).click();
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toContainText('is approved');
  await shot(page, '07-buyer-approved');
});

const navigation: [string, RegExp, string[]][] = [
  ['buyer@demo.example', /\/portal$/, ['Overview', 'Products', 'Inquiries', 'Contracts', 'Shipments', 'Quality certificates', 'Payments', 'Claims', 'Service centre', 'Company', 'My account']],
  ['buyer2@demo.example', /\/portal$/, ['Overview', 'Products', 'Inquiries', 'Contracts', 'Shipments', 'Quality certificates', 'Payments', 'Claims', 'Service centre', 'Company', 'My account']],
  ['clerk@demo.example', /\/staff$/, ['概览', '询盘', '合同', '货运跟踪', '批次质检单', '索赔处理', '服务工单队列', '采购商公司', '产品维护', '我的账户']],
  ['finance@demo.example', /\/staff$/, ['概览', '询盘', '合同', '货运跟踪', '批次质检单', '收款管理', '索赔处理', '服务工单队列', '采购商公司', '产品维护', '我的账户']],
  ['manager@demo.example', /\/staff$/, ['概览', '询盘', '合同', '货运跟踪', '批次质检单', '收款管理', '索赔处理', '服务工单队列', '报价审批', '采购商审批', '采购商公司', '产品维护', '供应商简介', '设置', '我的账户']],
  ['admin@demo.example', /\/staff$/, ['概览', '询盘', '合同', '货运跟踪', '批次质检单', '收款管理', '报价审批', '采购商审批', '采购商公司', '产品维护', '供应商简介', '员工', '设置', '投递问题', '我的账户']],
];

for (const [email, home, items] of navigation) {
  test(`${email} signs in and sees their own navigation`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(home);
    const nav = page.getByRole('navigation').first();
    await expect(nav.getByRole('link')).toHaveText(items);
    await shot(page, `10-home-${email.split('@')[0]}`);
    await signOut(page);
  });
}

test('a buyer cannot open the staff workspace, and a wrong password is refused', async ({ page }) => {
  await signIn(page, 'buyer@demo.example', 'wrong-passw0rd');
  await expect(page.getByRole('alert')).toContainText('the email or password is not correct');
  await shot(page, '11-login-error');
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/staff/companies');
  await expect(page).toHaveURL(/\/portal$/);
});

test('a company admin invites a colleague who joins by the emailed link', async ({ page }) => {
  const colleague = `oliver.${Date.now().toString(36)}@northwind-imports.example`;
  await signIn(page, 'buyer@demo.example');
  await page.getByRole('link', { name: 'Company', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Northwind Imports Ltd' })).toBeVisible();
  await page.getByLabel('Colleague’s email').fill(colleague);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  await expect(page.getByText('Open invitations')).toBeVisible();
  await shot(page, '12-company-users');
  await signOut(page);

  const mail = await mailTo(colleague, 'invited you to join Northwind Imports Ltd');
  const link = mail.match(/\/invite\/([A-Za-z0-9_-]{32,64})/);
  expect(link).not.toBeNull();
  await page.goto(`/invite/${link![1]}`);
  await expect(page.getByRole('heading', { name: 'Join Northwind Imports Ltd' })).toBeVisible();
  await page.getByLabel('Your name').fill('Oliver Hughes');
  await page.getByLabel('Password').fill('Northwind-2026-ok');
  await shot(page, '13-accept-invitation');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Oliver Hughes' })).toBeVisible();
});

test('the language switch turns the portal into Chinese and formats for the locale', async ({ page }) => {
  await signIn(page, 'buyer2@demo.example');
  // Wait for the portal: a switch made on the sign-in page yields to the account's language.
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('link', { name: '概览' })).toBeVisible();
  await page.getByRole('link', { name: '公司' }).click();
  await expect(page.getByText('德国')).toBeVisible();
  await shot(page, '14-buyer-chinese');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
});

test('the portal works on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'buyer@demo.example');
  // On a phone the navigation sits behind the Menu button, Company and My account included.
  await expect(page.getByRole('link', { name: 'Company', exact: true })).toBeHidden();
  await shot(page, '15-narrow-overview');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Company', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Northwind Imports Ltd' })).toBeVisible();
  await shot(page, '16-narrow-company');
  await signOut(page);
  await page.goto('/register');
  await shot(page, '17-narrow-register');
});
