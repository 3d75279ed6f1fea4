import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let inquiryPath = '';

async function clerkQuotes(page: Page, price?: string) {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(inquiryPath.replace('/portal/', '/staff/'));
  // A sent revision is answered with the next one, built from it (nothing taken from the counter here).
  const build = page.getByRole('button', { name: /^生成第 \d+ 版$/ });
  await expect(page.getByRole('button', { name: '核价' }).or(build).first()).toBeVisible();
  if (await build.isVisible()) await build.click();
  const toggle = page.getByRole('button', { name: '核价' }).first();
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByText('出口换汇成本')).toBeVisible({ timeout: 10_000 });
  // A revision built from the last one starts at its price: clear it, so the workbench's price is awaited.
  await page.getByLabel('单价 1').fill('');
  await page.getByRole('row', { name: /^FOB/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 1')).not.toHaveValue('');
  if (price) await page.getByLabel('单价 1').fill(price);
}

test('the buyer sends an inquiry and the clerk sends revision 1', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/catalog?q=cotton%20tote');
  await page.locator('.product-grid').getByRole('link', { name: /Cotton tote bag/ }).first().click();
  await page.getByLabel('Quantity (pc)').fill('20000');
  await page.getByRole('button', { name: 'Request a quote' }).click();
  await expect(page.getByLabel('Quantity 1')).toHaveValue('20000');
  await page.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^INQ-/ })).toBeVisible();
  inquiryPath = new URL(page.url()).pathname;
  await signOut(page);

  await clerkQuotes(page);
  // The live margin under the price: the workbench price sits at the sheet's profit, above the floor.
  await expect(page.locator('.margin-hint')).toContainText('利润率');
  await expect(page.locator('.margin-hint--below')).toHaveCount(0);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(page.getByRole('article', { name: /rev\. 1/ }).getByText('已发送')).toBeVisible();
  await signOut(page);
});

test('the buyer counters with a lower price', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  await page.getByRole('button', { name: 'Make a counter-offer' }).click();
  // A counter-offer with nothing proposed is refused on the spot.
  await page.getByRole('button', { name: 'Send counter-offer' }).click();
  await expect(page.getByText('propose at least one line change, payment terms or an Incoterm')).toBeVisible();
  await page.getByLabel(/Your price \(USD\) 1/).fill('0.30');
  await page.getByLabel('Message to the supplier').fill('Our target for 20,000 bags is USD 0.30 FOB.');
  await page.getByRole('button', { name: 'Send counter-offer' }).click();
  await expect(page.locator('.msg').filter({ hasText: 'Counter-offer' })).toContainText('price $0.3000');
  await expect(page.getByText('Negotiating')).toBeVisible();
  // A message with a file: the artwork for the print.
  await page.getByLabel('Attach files').setInputFiles({ name: 'tote-artwork.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') });
  await expect(page.getByText('tote-artwork.png')).toBeVisible();
  await page.getByLabel('Write a message').fill('Artwork for the one-colour print attached.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.msg').filter({ hasText: 'Artwork for the one-colour print' }).getByRole('link', { name: /tote-artwork\.png/ })).toBeVisible();
  await shot(page, '40-counter-offer');
  await signOut(page);
});

test('the clerk answers with revision 2 below the margin floor; the manager approves it with a comment', async ({ page }) => {
  await clerkQuotes(page, '0.4500');
  await expect(page.locator('.msg').filter({ hasText: '还盘' })).toBeVisible();
  // Before saving, the clerk already sees the price is below the floor.
  await expect(page.locator('.margin-hint--below')).toContainText('低于底线');
  await page.getByLabel(/低于利润底线的报价理由/).fill('First order of a new programme: the buyer commits to 4 containers a year.');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const draft = page.getByRole('article', { name: /rev\. 2/ });
  await expect(draft.getByText('低于底线')).toBeVisible();
  await page.getByRole('button', { name: '提交审批' }).click();
  await expect(draft.getByText('待经理审批')).toBeVisible();
  await shot(page, '41-below-floor');
  await signOut(page);

  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('link', { name: '报价审批' }).click();
  await page.getByRole('link', { name: /PI-\d{4}-\d{6} r2/ }).click();
  await page.getByLabel('意见（随报价保存）').fill('Strategic customer: accept 0.45 for this order only.');
  await shot(page, '42-manager-approval');
  await page.getByRole('button', { name: '批准并发送' }).click();
  await expect(page.getByRole('article', { name: /rev\. 2/ }).getByText('已发送')).toBeVisible();
  await expect(page.getByRole('article', { name: /rev\. 2/ })).toContainText('Strategic customer');
  await signOut(page);
});

test('the buyer compares revisions, accepts revision 2 and confirms the sales contract', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  const diff = page.getByRole('heading', { name: 'Revision 2 compared with revision 1' });
  await expect(diff).toBeVisible();
  await expect(page.locator('.diff .changed').first()).toContainText('$0.4500');
  await shot(page, '43-revision-diff');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Accept this quote' }).click();
  await expect(page).toHaveURL(/\/portal\/contracts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /Sales contract SC-\d{4}-\d{6}/ })).toBeVisible();
  await expect(page.getByText('Awaiting your confirmation').first()).toBeVisible();
  await shot(page, '44-contract-issued');
  await page.getByRole('button', { name: 'Confirm the contract' }).click();
  await expect(page.locator('.page__title .badge')).toHaveText('Confirmed');
  const pdf = await page.request.get(await page.getByRole('link', { name: 'PDF' }).getAttribute('href') as string);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await shot(page, '45-contract-confirmed');
  await page.getByRole('link', { name: 'Contracts' }).first().click();
  await expect(page.getByRole('row').filter({ hasText: 'Confirmed' }).first()).toBeVisible();
});
