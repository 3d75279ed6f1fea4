import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langFromAcceptLanguage } from '../src/infra/reader-lang.ts';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

/*
 * The catalog answers in its reader's language: the signed-in user's stored language, else the
 * browser's Accept-Language, else English; a text staff gave in one language only is shown in it.
 */

let t: TestContext;
let productId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  cookies.buyer = await loginAs(t.app, 'buyer@demo.example');
  cookies.clerk = await loginAs(t.app, 'clerk@demo.example');
  // One product with a Chinese name, no Chinese description, and one specification in both languages.
  const p = await t.db.prisma.product.update({
    where: { sku: 'DW-BTL-500' },
    data: { descriptionZh: null, specifications: [{ name: 'Capacity', value: '500 ml', nameZh: '容量', valueZh: '500 毫升' }, { name: 'Lid', value: 'Screw cap' }] },
  });
  productId = p.id;
});
afterAll(() => t.close());

const product = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/catalog/products/${productId}`, headers });

describe('the reader’s language', () => {
  it('is English for a visitor who says nothing, and never shows an English reader the Chinese name', async () => {
    const res = await product({});
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.localized).toMatchObject({ lang: 'en', name: p.nameEn, description: p.descriptionEn, specifications: [{ name: 'Capacity', value: '500 ml' }, { name: 'Lid', value: 'Screw cap' }] });
    expect(p.localized.name).not.toBe(p.nameZh);
  });

  it('follows a visitor’s Accept-Language, and falls back to English where staff gave no Chinese', async () => {
    const p = (await product({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).json();
    expect(p.localized).toMatchObject({ lang: 'zh', name: p.nameZh, categoryName: p.category.nameZh });
    expect(p.localized.description).toBe(p.descriptionEn);
    expect(p.localized.specifications).toEqual([{ name: '容量', value: '500 毫升' }, { name: 'Lid', value: 'Screw cap' }]);
    expect((await product({ 'accept-language': 'de-DE,de;q=0.9' })).json().localized.lang).toBe('en');
  });

  it('is the signed-in user’s stored language before the browser’s, and follows a change of it', async () => {
    expect((await product({ cookie: cookies.clerk!, 'accept-language': 'en' })).json().localized.lang).toBe('zh');
    expect((await product({ cookie: cookies.buyer!, 'accept-language': 'zh-CN' })).json().localized.lang).toBe('en');
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: cookies.buyer! }, payload: { locale: 'zh-CN' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await product({ cookie: cookies.buyer! })).json().localized).toMatchObject({ lang: 'zh', specifications: [{ name: '容量', value: '500 毫升' }, { name: 'Lid', value: 'Screw cap' }] });
  });

  it('answers the supplier profile in it too, its description in English where no Chinese was given', async () => {
    const profile = await t.db.prisma.supplierProfile.findFirstOrThrow();
    const en = (await t.app.inject({ method: 'GET', url: '/api/catalog/supplier' })).json();
    expect(en.localized.lang).toBe('en');
    expect(en.localized.description).toBe(profile.description);
    const zh = (await t.app.inject({ method: 'GET', url: '/api/catalog/supplier', headers: { 'accept-language': 'zh' } })).json();
    expect(zh.localized.description).toBe(profile.descriptionZh ?? profile.description);
    expect(zh.localized.categories.length).toBeGreaterThan(0);
    for (const c of zh.localized.categories) expect(c.name).toBe(zh.categories.find((x: { slug: string }) => x.slug === c.slug).nameZh);
    await t.db.prisma.supplierProfile.update({ where: { id: profile.id }, data: { descriptionZh: null } });
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/supplier', headers: { 'accept-language': 'zh' } })).json().localized.description).toBe(profile.description);
  });

  it('reads Accept-Language by weight, taking the first of English and Chinese', () => {
    expect(langFromAcceptLanguage('de-DE,zh;q=0.8,en;q=0.5')).toBe('zh');
    expect(langFromAcceptLanguage('en;q=0.3,zh-TW;q=0.9')).toBe('zh');
    expect(langFromAcceptLanguage('zh;q=0,en')).toBe('en');
    expect(langFromAcceptLanguage('fr-FR')).toBeNull();
    expect(langFromAcceptLanguage(undefined)).toBeNull();
  });
});
