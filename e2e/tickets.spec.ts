import { expect, test } from '@playwright/test';
import { mailTo, shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

/** A small real PNG (1×1), as a phone photo would arrive: the server checks the real type. */
const photo = { name: 'crushed-carton.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') };
let ticketPath = '';

test('a buyer opens a complaint with a photo', async ({ page }) => {
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service centre' }).click();
  await page.getByRole('link', { name: 'New ticket' }).click();
  await page.getByLabel('Kind').selectOption('COMPLAINT');
  await page.getByLabel('Subject').fill('Cartons crushed on arrival');
  await page.getByLabel('Message').fill('Twelve cartons of the last delivery arrived crushed; photo attached.');
  await page.getByLabel('Attach files').setInputFiles(photo);
  await expect(page.getByText('crushed-carton.png')).toBeVisible();
  await shot(page, 'tickets-new-desktop');
  await page.getByRole('button', { name: 'Send ticket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^TKT-\d{4}-\d{6}: Cartons crushed on arrival$/ })).toBeVisible();
  ticketPath = new URL(page.url()).pathname;
  await expect(page.getByRole('link', { name: 'crushed-carton.png' })).toBeVisible();
  await expect(page.locator('aside')).toContainText('Quality');
  await shot(page, 'tickets-buyer-open-desktop');
  await signOut(page);
});

test('the clerk finds it in the quality queue and answers within the target', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('navigation').getByRole('link', { name: '服务工单队列' }).click();
  await page.getByLabel('团队').selectOption('QUALITY');
  const row = page.getByRole('row', { name: /Cartons crushed on arrival/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('剩余');
  await shot(page, 'tickets-queue-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'tickets-queue-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await row.getByRole('link', { name: /^TKT-/ }).click();
  await expect(page).toHaveURL(new RegExp(ticketPath.replace('/portal/', '/staff/')));
  // An internal note first: the buyer will never see it.
  await page.getByLabel('内容').fill('Forwarder confirmed rough handling at Hamburg; claim against them later.');
  await page.getByLabel('内部备注').check();
  await page.getByRole('button', { name: '发送' }).click();
  await expect(page.locator('.msg--internal')).toContainText('rough handling');
  await page.getByLabel('内容').fill('We are sorry. Twelve replacement cartons ship with your next order at no cost.');
  await page.getByRole('button', { name: '标记已解决' }).click();
  await expect(page.locator('.page__title')).toBeVisible();
  await expect(page.locator('aside').getByText('已解决')).toBeVisible();
  // The response target was met: answered in time.
  await expect(page.locator('aside .details').first()).toContainText('已达成');
  await shot(page, 'tickets-workspace-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'tickets-workspace-390');
  await signOut(page);
});

test('the buyer reads the answer and rates it', async ({ page }) => {
  await mailTo('buyer@demo.example', 'is resolved: please rate our answer');
  await signIn(page, 'buyer@demo.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(ticketPath);
  await expect(page.getByText('This ticket is resolved.')).toBeVisible();
  await expect(page.getByText('Twelve replacement cartons')).toBeVisible();
  await expect(page.getByText('rough handling')).toHaveCount(0);
  await page.getByLabel('5 of 5').check();
  await page.getByLabel('Comment').fill('Quick and fair, thank you.');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'tickets-rate-390');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByText('You rated this answer 5 of 5.')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'tickets-rated-desktop');
  await page.goto('/portal/tickets');
  await expect(page.getByRole('row', { name: /Cartons crushed on arrival/ })).toContainText('Rated 5 of 5');
});
