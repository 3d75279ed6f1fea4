import { inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

/*
 * Issue 11, negotiation that converges: the buyer counters quantity and price on one line; the
 * clerk sees what the counter leaves (margin, profit rate), builds revision 2 from it with one line
 * added from the catalog and the agreed special terms; the buyer compares, accepts, and the
 * contract and its PDF carry the special terms.
 */
test.describe.configure({ mode: 'serial' });

const SPECIAL_TERMS = 'Laser engraving of the buyer logo, 3 colours';
let inquiryPath = '';
let quotedPrice = '';
let counterPrice = '';

/** The text drawn on a PDF's pages: its Flate streams inflated, pdfkit's hex strings in TJ arrays decoded. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const streams = [...source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try { return inflateSync(bytes).toString('latin1'); } catch { return m[1]!; }
  });
  return streams
    .flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)])
    .map((m) => [...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

/** Opens the costing workbench under line n (a PI of one line opens with it open). */
async function openWorkbench(page: Page, n: number) {
  const toggle = page.getByRole('button', { name: '核价' }).nth(n - 1);
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByText('出口换汇成本')).toBeVisible({ timeout: 10_000 });
}

async function clerkOpens(page: Page) {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(inquiryPath.replace('/portal/', '/staff/'));
}

test('revision 1: the buyer asks for 20,000 tote bags; the clerk quotes FOB from the cost sheet', async ({ page }) => {
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

  await clerkOpens(page);
  await openWorkbench(page, 1);
  await page.getByRole('row', { name: /^FOB/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 1')).not.toHaveValue('');
  quotedPrice = await page.getByLabel('单价 1').inputValue();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(page.getByRole('article', { name: /rev\. 1/ }).getByText('已发送')).toBeVisible();
  await signOut(page);
});

test('the buyer counters quantity and price on the line', async ({ page }) => {
  // 1 % below the quoted price: above the 8 % floor, so revision 2 needs no manager.
  counterPrice = (Math.round(Number(quotedPrice) * 0.99 * 10_000) / 10_000).toFixed(4);
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  await page.getByRole('button', { name: 'Make a counter-offer' }).click();
  await page.getByLabel(/Your price \(USD\) 1/).fill(counterPrice);
  await page.getByLabel('Your quantity 1').fill('30000');
  await page.getByLabel('Message to the supplier').fill('We take 30,000 bags if the price comes down a little, with our logo engraved.');
  await page.getByRole('button', { name: 'Send counter-offer' }).click();
  await expect(page.locator('.msg').filter({ hasText: 'Counter-offer' })).toContainText('30,000');
  await signOut(page);
});

test('the clerk sees the counter’s profit rate and builds revision 2 from it with one added line', async ({ page }) => {
  await clerkOpens(page);
  // The thread and the builder both say what the counter leaves before the clerk answers.
  await expect(page.locator('.msg').filter({ hasText: '还盘' }).locator('.msg__costing')).toContainText('利润率');
  const builder = page.getByRole('form', { name: '由第 1 版生成第 2 版' });
  await expect(builder.locator('.msg__costing')).toContainText(/利润率 \d+(\.\d+)? %/);
  await expect(builder.locator('.msg__costing')).not.toHaveClass(/badge--bad/);
  await shot(page, '46-revision-builder');
  await builder.getByLabel('采纳第 1 行的价格').check();
  await builder.getByLabel('采纳第 1 行的数量').check();
  await builder.getByRole('button', { name: '生成第 2 版' }).click();

  // The draft holds the buyer's price and quantity.
  await expect(page.getByRole('heading', { name: '编辑草稿' })).toBeVisible();
  await expect(page.getByLabel('单价 1')).toHaveValue(counterPrice);
  await expect(page.getByLabel('数量 1')).toHaveValue('30000');
  await expect(page.locator('.margin-hint').first()).toContainText('利润率');
  await expect(page.locator('.margin-hint--below')).toHaveCount(0);

  // The workbench evaluates the counter price: net FX income, FX cost of export, profit rate.
  await openWorkbench(page, 1);
  await page.getByLabel('给定单价（USD）').fill(counterPrice);
  await page.getByRole('button', { name: '核算', exact: true }).click();
  await expect(page.getByText('销售利润率')).toBeVisible();
  await expect(page.getByText('出口外汇净收入')).toBeVisible();

  // One line from the catalog: the mug, at its MOQ, priced from its cost sheet.
  await page.getByText('从产品目录添加').click();
  await page.getByPlaceholder('Search by name or SKU').or(page.getByPlaceholder('按名称或货号搜索')).first().fill('DW-MUG-350');
  await page.getByRole('button', { name: /添加 Insulated coffee mug 350 ml/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已添加' })).toBeVisible();
  await expect(page.getByLabel('数量 2')).toHaveValue('1000');
  await openWorkbench(page, 2);
  await page.getByRole('row', { name: /^FOB/ }).getByRole('button', { name: '采用' }).click();
  await expect(page.getByLabel('单价 2')).not.toHaveValue('');
  await page.getByLabel(/^特殊条款/).fill(SPECIAL_TERMS);
  await shot(page, '47-revision-2-draft');
  await page.getByRole('button', { name: '保存草稿' }).click();

  const draft = page.getByRole('article', { name: /rev\. 2/ });
  await expect(draft.getByText('草稿')).toBeVisible();
  await expect(draft).toContainText('Insulated coffee mug 350 ml');
  await expect(draft).toContainText(SPECIAL_TERMS);
  await page.getByRole('button', { name: '发送给采购商' }).click();
  await expect(draft.getByText('已发送')).toBeVisible();
  // The clerk's comparison shows the added line.
  await expect(page.locator('.diff .row--added')).toContainText('Insulated coffee mug 350 ml');
  await signOut(page);
});

test('the buyer compares, accepts revision 2, and the contract and its PDF carry the special terms', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(inquiryPath);
  await expect(page.getByRole('heading', { name: 'Revision 2 compared with revision 1' })).toBeVisible();
  const added = page.locator('.diff .row--added');
  await expect(added).toContainText('Insulated coffee mug 350 ml');
  await expect(added).toContainText('added');
  await expect(page.locator('.diff .changed').first()).toContainText(counterPrice.replace(/^0/, '$0'));
  await shot(page, '48-revision-2-compared');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '48-revision-2-compared-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Accept this quote' }).click();
  await expect(page).toHaveURL(/\/portal\/contracts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /Sales contract SC-\d{4}-\d{6}/ })).toBeVisible();
  await expect(page.getByText(SPECIAL_TERMS)).toBeVisible();
  await expect(page.locator('.contract')).toContainText('Insulated coffee mug 350 ml');
  await expect(page.locator('.contract')).toContainText('30,000');
  const pdf = await page.request.get(await page.getByRole('link', { name: 'PDF' }).getAttribute('href') as string);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = pdfText(await pdf.body());
  expect(text).toContain('Special terms');
  expect(text.replace(/\s+/g, ' ')).toContain(SPECIAL_TERMS);
  await shot(page, '49-contract-special-terms');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '49-contract-special-terms-390');
});
