import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

// A complaint of the demo names no contract ("Lids do not close tightly", Northwind): the clerk turns
// it into a claim by choosing the shipment it concerns among the customer's shipments that have left.
test('the clerk turns a complaint that names no contract into a claim on the shipment chosen', async ({ page }) => {
  await signIn(page, 'clerk@demo.example');
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('navigation').getByRole('link', { name: '服务工单队列' }).click();
  await page.getByLabel('团队').selectOption({ label: '全部团队' });
  const row = page.getByRole('row', { name: /Lids do not close tightly/ });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: /^TKT-/ }).click();
  await page.getByRole('link', { name: '转为索赔' }).click();
  await expect(page.getByText(/这项投诉未指明货运/)).toBeVisible();
  // Not the generic "the form has errors" page the button led to before.
  await expect(page.getByText('提交的内容有误')).toHaveCount(0);
  const choice = page.getByRole('link', { name: /^合同 SC-\d{4}-\d{6} 的货运 SHP-\d{4}-\d{6}$/ }).first();
  const label = (await choice.textContent())!;
  const shipment = label.match(/SHP-\d{4}-\d{6}/)![0];
  await shot(page, 'claim-from-complaint-choose-shipment');
  await choice.click();
  await expect(page.getByRole('heading', { level: 1, name: `就货运 ${shipment} 提出索赔` })).toBeVisible();
  await expect(page.getByText(/由投诉 TKT-\d{4}-\d{6} 转为索赔/)).toBeVisible();
  // The buyer's words come over into the draft.
  await expect(page.getByLabel(/说明|描述/).first()).toHaveValue(/Lids do not close tightly/);
  await shot(page, 'claim-from-complaint-draft');
  await signOut(page);
});
