import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

export const password = 'demo-Passw0rd';
const shots = path.join(import.meta.dirname, 'screenshots');

/** A screenshot into e2e/screenshots: the whole page, or (fullPage: false) what the viewport shows. */
export async function shot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
}

export async function signIn(page: Page, email: string, pass = password) {
  await page.goto('/login');
  // The login page speaks whichever language was used last on this browser.
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(pass);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
}

export async function signOut(page: Page) {
  // On a phone the tools sit behind the Menu button.
  const menu = page.getByRole('button', { name: /^(Menu|菜单)$/ });
  if (await menu.isVisible() && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('button', { name: /Sign out|退出/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Waits for a captured mail to an address that contains a text (embedded mode writes .eml files
 * under DATA_DIR/mail, delivered by the outbox worker) and returns it decoded.
 */
export async function mailTo(address: string, containing: string, timeoutMs = 15_000): Promise<string> {
  const dir = path.join(process.env.E2E_DATA_DIR!, 'mail');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.includes(address.replace(/[^a-z0-9@._-]/gi, '_'))).sort();
    } catch {
      /* the folder appears with the first mail */
    }
    const match = files.map((f) => decodeQuotedPrintable(readFileSync(path.join(dir, f), 'utf8'))).find((m) => m.includes(containing));
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} containing "${containing}" within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Mail bodies are quoted-printable: undo soft line breaks and =XX escapes (UTF-8). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes = Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

const base = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** An API session of a demo user, sending the portal's own origin as the browser does. */
export async function apiAs(email: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  const res = await ctx.post('/api/auth/login', { data: { email, password } });
  expect(res.status()).toBe(200);
  return ctx;
}

/**
 * A sales contract for 12,000 vacuum bottles FOB Ningbo, T/T 30/70, confirmed by the buyer, set up
 * through the API as the buyer and the clerk would (inquiry, PI sent, accepted, confirmed).
 */
export async function confirmedContractViaApi(buyer: APIRequestContext, clerk: APIRequestContext): Promise<{ id: string; number: string }> {
  const products = await (await buyer.get('/api/catalog/search?q=vacuum%20bottle%20500')).json();
  const product = products.items.find((p: { sku: string }) => p.sku === 'DW-BTL-500');
  const inq = await buyer.post('/api/inquiries', { data: { lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }], incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD' } });
  expect(inq.status(), await inq.text()).toBe(201);
  const inquiry = await inq.json();
  const plus = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const q = await clerk.post(`/api/inquiries/${inquiry.id}/quotes`, {
    data: {
      currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
      paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
      leadTimeDays: 35, shipmentDate: plus(60), packing: '50 pcs per export carton', validUntil: plus(30),
      lines: [{ inquiryLineId: inquiry.lines[0].id, productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '4.2000' }],
    },
  });
  expect(q.status(), await q.text()).toBe(201);
  const quote = await q.json();
  expect((await clerk.post(`/api/quotes/${quote.id}/revisions/1/send`, { data: {} })).status()).toBe(200);
  const accepted = await buyer.post(`/api/quotes/${quote.id}/revisions/1/accept`, { data: {} });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const contract = (await accepted.json()) as { id: string; number: string };
  expect((await buyer.post(`/api/contracts/${contract.id}/confirm`, { data: {} })).status()).toBe(200);
  return { id: contract.id, number: contract.number };
}
