import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

test('an administrator finds the delivery problems page in the navigation', async ({ page }) => {
  await signIn(page, 'admin@demo.example');
  // Staff read Chinese by default.
  await page.getByRole('link', { name: '投递问题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '投递问题' })).toBeVisible();
  await expect(page.getByText('没有暂存或卡住的事件')).toBeVisible();
  await shot(page, 'outbox-admin');
});
