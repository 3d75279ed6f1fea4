import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

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
