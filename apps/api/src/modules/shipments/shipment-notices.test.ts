import { describe, expect, it } from 'vitest';
import { renderIcu, renderShipmentNotice } from './shipment-notices.ts';
import { shipmentsMessages } from './shipments.messages.ts';

describe('shipment notices', () => {
  it('word a milestone in the reader’s language, with the date formatted for it', () => {
    const params = { milestone: 'DEPARTED', classifier: 'ACT', date: '2026-12-03', contract: 'SC-2026-000007', shipment: 'SHP-2026-000002', detail: 'COSCO Aries 041W' };
    expect(renderShipmentNotice('shipment.milestone', params, 'en')).toEqual({
      title: 'Vessel departed: SC-2026-000007',
      body: 'Vessel departed on 3 Dec 2026 — shipment SHP-2026-000002 of contract SC-2026-000007 (COSCO Aries 041W).',
    });
    expect(renderShipmentNotice('shipment.milestone', { ...params, classifier: 'EST', detail: 'none' }, 'zh')).toEqual({
      title: '船已开航：SC-2026-000007',
      body: '船已开航，预计 2026年12月3日——合同 SC-2026-000007 的货运 SHP-2026-000002。',
    });
  });

  it('have every kind in both languages, and every milestone worded', () => {
    expect(Object.keys(shipmentsMessages.zh).sort()).toEqual(Object.keys(shipmentsMessages.en).sort());
    expect(renderIcu('{m, select, A {a {x}} other {o}}', { m: 'A', x: 'X' }, 'en')).toBe('a X');
    expect(renderIcu('{m, select, A {a} other {o}}', { m: 'B' }, 'en')).toBe('o');
  });
});
