import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

/*
 * The manager keeps the supplier profile in both languages; a visitor reading Chinese gets the Chinese
 * headline, one reading English the English one.
 */
test('the manager writes the supplier headline in Chinese; a visitor sees it in the language they read', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('link', { name: '供应商简介' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '供应商简介' })).toBeVisible();
  const form = page.getByRole('form', { name: '供应商简介' });
  const headline = `宁波港湾家居：饮具与家纺，${Date.now() % 1000} 号样品间`;
  await form.getByLabel(/^中文标题/).fill(headline);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存')).toBeVisible();
  await shot(page, 'supplier-editor');
  const english = await form.getByLabel(/^标题/).inputValue();
  await signOut(page);

  await page.goto('/supplier');
  // The device remembers the last language chosen (the manager's Chinese): the visitor picks English.
  await page.getByLabel(/^(Language|语言)$/).selectOption('en');
  await expect(page.locator('.supplier__hero .lead')).toHaveText(english);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('.supplier__hero .lead')).toHaveText(headline);
});
