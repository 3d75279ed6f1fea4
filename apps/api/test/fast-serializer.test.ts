import { describe, expect, it } from 'vitest';
import { ProductSearchResult, z } from '@portal/schemas';
import { fastSerializerCompiler } from '../src/infra/fast-serializer.ts';

// The catalog search answers through fast-json-stringify; it must write exactly what the zod
// serializer wrote, and nothing the schema does not name.

const zodSerialize = (schema: z.ZodType, value: unknown) => JSON.stringify(z.encode(schema, value));
const fast = fastSerializerCompiler({ schema: ProductSearchResult });

const card = (over: Record<string, unknown> = {}) => ({
  id: '0b7e5a52-6d1c-4a57-9d0c-5c1d2f3e4a5b', sku: 'HH-TS-001', nameEn: 'Cotton crew neck T-shirt', nameZh: '全棉圆领T恤',
  highlight: { nameEn: '<mark>Cotton</mark> crew neck T-shirt', nameZh: '全棉圆领T恤' },
  category: { slug: 't-shirts', nameEn: 'T-Shirts', nameZh: 'T恤' }, origin: 'CN', material: '100% cotton', moq: '500', unit: 'pc',
  leadTimeDays: 30, certifications: ['OEKO-TEX Standard 100'], incoterms: ['FOB', 'CIF'], imageUrl: null,
  priceFrom: { amount: '2.7800', currency: 'USD' },
  ...over,
});
const result = (items: unknown[], over: Record<string, unknown> = {}) => ({
  items, total: items.length, page: 1, pageCount: 1, pageSize: 24,
  facets: {
    category: [{ value: 'apparel', count: 2, nameEn: 'Apparel', nameZh: '服装', parent: null }, { value: 't-shirts', count: 2, nameEn: 'T-Shirts', nameZh: 'T恤', parent: 'apparel' }],
    origin: [{ value: 'CN', count: 2 }], material: [], cert: [{ value: 'GOTS', count: 1 }], incoterm: [{ value: 'FOB', count: 2 }],
  },
  ranges: { price: { min: 1.5, max: 4.25 }, moq: null, leadTime: { min: 15, max: 45 } },
  pricesVisible: true, degraded: false,
  ...over,
});

describe('the fast catalog serializer', () => {
  it('writes what the zod serializer writes, nulls and quotes included', () => {
    const values = [
      result([card(), card({ material: null, imageUrl: '/files/a "quoted" \\ image.jpg', priceFrom: null, nameEn: 'Line\nbreak <b>&</b> 😀' })]),
      result([], { ranges: { price: null, moq: null, leadTime: null }, pricesVisible: false, degraded: true }),
    ];
    for (const value of values) expect(JSON.parse(fast(value))).toEqual(JSON.parse(zodSerialize(ProductSearchResult, value)));
  });

  it('never writes a field the schema does not name', () => {
    const leaky = result([card({ costPrice: '1.2000', marginFloorRate: '0.08', priceFrom: { amount: '2.7800', currency: 'USD', supplierPrice: '1.90' } })], { internal: true });
    const text = fast(leaky);
    expect(text).not.toMatch(/costPrice|marginFloorRate|supplierPrice|internal/);
    expect(JSON.parse(text)).toEqual(JSON.parse(zodSerialize(ProductSearchResult, leaky)));
  });

  it('refuses a result that lacks a required field', () => {
    const { sku: _omit, ...noSku } = card();
    expect(() => fast(result([noSku]))).toThrow(/sku/);
  });

  it('refuses, at startup, a schema it cannot honour', () => {
    const withTransform = z.object({ at: z.string().transform((s) => new Date(s)) });
    expect(() => fastSerializerCompiler({ schema: withTransform })).toThrow();
    expect(() => fastSerializerCompiler({ schema: { type: 'object' } })).toThrow(/zod/);
  });
});
