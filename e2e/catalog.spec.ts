import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

test('a visitor searches with a typo, sees no prices, and is invited to register', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/catalog$/);
  await page.getByLabel('Search products').fill('stainles steel bottel');
  await expect(page).toHaveURL(/q=stainles/);
  await expect(page.locator('.product-grid').getByRole('heading').first()).toContainText('Stainless steel');
  await expect(page.getByText('17 products')).toHaveCount(0);
  await expect(page.getByText('Prices are shown to approved buyers').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Register' })).toBeVisible();
  await shot(page, '20-catalog-visitor');
});

test('a buyer searches with typos, narrows by two facets, opens a product and its supplier', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByLabel('Search products').fill('cottn tshirt');
  await expect(page).toHaveURL(/q=cottn\+tshirt/);
  const results = page.locator('.product-grid');
  await expect(results.getByRole('heading').first()).toContainText('T-shirt');
  await expect(results.locator('mark').first()).toBeVisible();
  // Two facets: a category and a certification; both land in the URL.
  await page.getByRole('button', { name: /^Apparel/ }).click();
  await expect(page).toHaveURL(/category=apparel/);
  // The box follows the URL, which the router updates a moment after the click.
  await page.getByRole('checkbox', { name: /GOTS/ }).click();
  await expect(page.getByRole('checkbox', { name: /GOTS/ })).toBeChecked();
  await expect(page).toHaveURL(/cert=GOTS/);
  await expect(results.getByRole('article')).toHaveCount(1);
  await expect(results.getByRole('heading')).toHaveText('Organic cotton T-shirt, 160 g/m²');
  await shot(page, '21-catalog-filtered');

  // The link alone reproduces the results.
  const url = page.url();
  await page.goto(url);
  await expect(results.getByRole('heading')).toHaveText('Organic cotton T-shirt, 160 g/m²');

  await results.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organic cotton T-shirt, 160 g/m²' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Price by quantity' })).toContainText('$2.9000');
  await expect(page.getByText('Carton volume')).toBeVisible();
  await shot(page, '22-product-page');
  await page.getByRole('link', { name: 'Supplier profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ningbo Harbour Homeware Co., Ltd.' })).toBeVisible();
  await expect(page.getByText('ISO 9001:2015')).toBeVisible();
  await shot(page, '23-supplier');
  await page.getByLabel('Search this supplier’s catalog').fill('mug');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/supplier=.*q=mug/);
  await expect(page.locator('.product-grid').getByRole('heading').first()).toContainText(/mug/i);

  // From a product, start an inquiry: the form opens with the product and its MOQ.
  await page.locator('.product-grid').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Request a quote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New inquiry' })).toBeVisible();
  await expect(page.getByLabel('Quantity 1')).not.toHaveValue('');
  await shot(page, '27-start-inquiry');
});

test('staff add a product and it is searchable within seconds', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('link', { name: '产品维护' }).click();
  await page.getByRole('link', { name: '新建产品' }).click();
  await page.getByLabel('SKU').fill('KT-TRV-CAST');
  await page.getByLabel('类目').selectOption({ label: 'Kitchen tools / 厨房用品' });
  await page.getByLabel('名称（英文）').fill('Cast iron trivet, round');
  await page.getByLabel('名称（中文）').fill('铸铁锅垫 圆形');
  await page.getByLabel('描述（英文）').fill('Enamelled cast iron trivet for hot pans.');
  await page.getByLabel('起订量').fill('800');
  await page.getByLabel('交期（天）').fill('30');
  await page.getByLabel('海关编码').fill('7323910000');
  await page.getByLabel('每箱数量').fill('12');
  await page.getByLabel('纸箱长（厘米）').fill('40');
  await page.getByLabel('纸箱宽（厘米）').fill('30');
  await page.getByLabel('纸箱高（厘米）').fill('20');
  await page.getByLabel('毛重（千克）').fill('14.5');
  await page.getByLabel('起始数量 1').fill('800');
  await page.getByLabel('单价 1').fill('3.45');
  await shot(page, '24-staff-new-product');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存，几秒内在产品目录中生效。')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KT-TRV-CAST · Cast iron trivet, round' })).toBeVisible();

  await page.goto('/catalog?q=trivet');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.product-grid').getByRole('heading')).toContainText(['铸铁锅垫 圆形'], { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await shot(page, '25-new-product-searchable');
});

test('the catalog works on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/catalog?q=bottle');
  await expect(page.locator('.product-grid').getByRole('article').first()).toBeVisible();
  await shot(page, '26-catalog-narrow');
});

test('a clerk uploads a product picture and a buyer sees it on the product page', async ({ page }) => {
  // A product photo, drawn by the browser itself: a PNG like a clerk's camera export.
  await page.goto('/login');
  const photo = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 600;
    const g = c.getContext('2d')!;
    g.fillStyle = '#f4f1ea';
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#d9d3c7';
    g.beginPath();
    g.ellipse(380, 500, 220, 36, 0, 0, Math.PI * 2);
    g.fill();
    g.strokeStyle = '#1f6f8b';
    g.lineWidth = 34;
    g.beginPath();
    g.arc(545, 300, 85, -Math.PI / 2, Math.PI / 2);
    g.stroke();
    g.fillStyle = '#1f6f8b';
    g.fillRect(210, 140, 340, 360);
    g.fillStyle = '#ffffff';
    g.font = 'bold 46px sans-serif';
    g.textAlign = 'center';
    g.fillText('HARBOUR', 380, 335);
    return c.toDataURL('image/png').split(',')[1]!;
  });

  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('link', { name: '产品维护' }).click();
  await page.getByPlaceholder('按名称或货号搜索').fill('DW-MUG-CER');
  await page.getByPlaceholder('按名称或货号搜索').press('Enter');
  await page.getByRole('link', { name: 'DW-MUG-CER' }).click();
  await expect(page.getByRole('heading', { name: 'DW-MUG-CER · Ceramic mug 330 ml, custom print' })).toBeVisible();
  const productId = /\/staff\/products\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

  // The upload is a real file input, reached with the Tab key; its button-like label shows the focus.
  await page.getByRole('button', { name: '添加图片' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('上传图片')).toBeFocused();
  await expect(page.locator('label.image-upload__button')).not.toHaveCSS('box-shadow', 'none');
  await page.getByLabel('上传图片').setInputFiles({ name: 'mug-front.png', mimeType: 'image/png', buffer: Buffer.from(photo, 'base64') });
  await expect(page.getByRole('status').filter({ hasText: 'mug-front.png 已上传' })).toBeVisible();
  // The demo product has its seeded picture first; the upload comes second.
  await expect(page.getByLabel('图片地址 2')).toHaveValue(/^\/api\/catalog\/images\/[0-9a-f]{64}$/);
  // The description field has the cursor; the preview shows the picture.
  await expect(page.getByLabel('图片说明 2')).toBeFocused();
  await page.keyboard.type('Ceramic mug with HARBOUR print, front view');
  const thumb = page.locator('.image-row__thumb img').nth(1);
  await expect(thumb).toHaveAttribute('alt', 'Ceramic mug with HARBOUR print, front view');
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
  // What the clerk sees: the gallery, scrolled into view by the focus, under the sticky header.
  await shot(page, '28-staff-product-picture', { fullPage: false });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存，几秒内在产品目录中生效。')).toBeVisible();

  // A text file named like a picture is refused, and the clerk is told why.
  await page.getByLabel('上传图片').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert')).toHaveText('notes.png 不是 JPEG、PNG 或 WebP 图片。');

  await signOut(page);
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/catalog/products/${productId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ceramic mug 330 ml, custom print' })).toBeVisible();
  const picture = page.getByRole('img', { name: 'Ceramic mug with HARBOUR print, front view' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
  await shot(page, '29-product-page-picture');

  // The search results show it too, once the index has the change.
  await page.goto('/catalog?q=ceramic+mug');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.product-grid img').first()).toHaveAttribute('src', /^\/api\/catalog\/images\/[0-9a-f]{64}$/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
