import { describe, expect, it } from 'vitest';
import { t, s, nobody, call, expectFields } from './trade-fixture.ts';

/*
 * The buyer's inquiry list on the account: products collected on any device, each with a quantity,
 * taken off when an inquiry asks for them (in the inquiry's transaction: a refused inquiry leaves the
 * list as it was); each buyer sees only their own list.
 */

const product = (sku: string) => t.db.prisma.product.findUniqueOrThrow({ where: { sku }, select: { id: true, moq: true } });
const put = (productId: string, quantity: string, cookie = s.buyer) => t.app.inject({ method: 'PUT', url: `/api/inquiry-list/${productId}`, headers: { cookie }, payload: { quantity } });
const del = (url: string, cookie = s.buyer) => t.app.inject({ method: 'DELETE', url, headers: { cookie } });

describe('the inquiry list', () => {
  it('keeps products with quantities on the account, in the order added; a product added again changes its quantity', async () => {
    const bottle = await product('DW-BTL-500');
    const mug = await product('DW-MUG-350');
    await del('/api/inquiry-list');
    expect((await put(bottle.id, '12000')).statusCode).toBe(200);
    const res = await put(mug.id, '10');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { productId: string; quantity: string; belowMoq: boolean; available: boolean }) => [i.productId, i.quantity, i.belowMoq, i.available])).toEqual([
      [bottle.id, '12000', false, true],
      [mug.id, '10', new (await import('@portal/domain')).Dec(10).lt(mug.moq.toFixed()), true],
    ]);
    const again = await put(bottle.id, '15000');
    expect(again.json().items.map((i: { sku: string; quantity: string }) => [i.sku, i.quantity])).toEqual([['DW-BTL-500', '15000'], ['DW-MUG-350', '10']]);
    // Another device of the same buyer reads the same list.
    expect((await call('GET', '/api/inquiry-list', s.buyer)).json().items).toHaveLength(2);
  });

  it('is each buyer’s own: another buyer neither sees it nor takes anything off it', async () => {
    const bottle = await product('DW-BTL-500');
    expect((await call('GET', '/api/inquiry-list', s.buyer2)).json().items).toEqual([]);
    const res = await del(`/api/inquiry-list/${bottle.id}`, s.buyer2);
    expect(res.statusCode).toBe(404);
    expect((await call('GET', '/api/inquiry-list', s.buyer)).json().items.some((i: { productId: string }) => i.productId === bottle.id)).toBe(true);
    expect((await call('GET', '/api/inquiry-list', s.clerk)).statusCode).toBe(403);
  });

  it('refuses a product that is not in the catalog and a quantity that is not one, naming the field, and keeps the list', async () => {
    const before = (await call('GET', '/api/inquiry-list', s.buyer)).json();
    expect((await put(nobody, '100')).statusCode).toBe(404);
    expectFields(await put((await product('DW-BTL-500')).id, '0'), ['body.quantity']);
    expectFields(await put((await product('DW-BTL-500')).id, '-5'), ['body.quantity']);
    expect((await call('GET', '/api/inquiry-list', s.buyer)).json()).toEqual(before);
  });

  it('loses the products an inquiry asks for, with the inquiry; a refused inquiry takes nothing off', async () => {
    const bottle = await product('DW-BTL-500');
    const mug = await product('DW-MUG-350');
    const inquiry = (quantity: string) => call('POST', '/api/inquiries', s.buyer, {
      lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity }],
      incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
    });
    const refused = await inquiry('1');
    expect(refused.statusCode).toBe(400);
    expect((await call('GET', '/api/inquiry-list', s.buyer)).json().items.map((i: { productId: string }) => i.productId)).toEqual([bottle.id, mug.id]);
    expect((await inquiry('15000')).statusCode).toBe(201);
    expect((await call('GET', '/api/inquiry-list', s.buyer)).json().items.map((i: { productId: string }) => i.productId)).toEqual([mug.id]);
    const emptied = await del('/api/inquiry-list');
    expect(emptied.json().items).toEqual([]);
  });
});
