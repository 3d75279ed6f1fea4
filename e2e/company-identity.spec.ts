import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

/*
 * A company admin's change of an approved company's name waits for a manager: the buyer sees it
 * waiting on the company page, the manager approves it on the company's review page.
 */
test('a change of the company name waits for a manager, who approves it', async ({ page }) => {
  // Still containing the old name, so that other flows that look for the company keep finding it.
  const newName = 'Rheinland Handel GmbH & Co. KG';
  await signIn(page, 'buyer2@demo.example');
  await page.getByRole('link', { name: 'Company', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Rheinland Handel GmbH', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Company name').fill(newName);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your change of the company’s name, country or tax id waits for our review.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: newName })).toBeVisible();
  // The approved name stands meanwhile.
  await expect(page.getByRole('heading', { name: 'Rheinland Handel GmbH', exact: true })).toBeVisible();
  await shot(page, '20-company-identity-pending');
  await signOut(page);

  await signIn(page, 'manager@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto('/staff/companies?status=APPROVED');
  await page.getByRole('link', { name: 'Rheinland Handel GmbH', exact: true }).click();
  const section = page.getByRole('region', { name: '名称、国家或税号变更' });
  await expect(section).toContainText(newName);
  await shot(page, '21-company-identity-review');
  await section.getByRole('button', { name: '批准变更' }).click();
  await expect(page.getByRole('heading', { name: newName, exact: true })).toBeVisible();
  await expect(section).toHaveCount(0);
});
