import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../infra/messages.ts';
import { shipmentsMessages } from './shipments.messages.ts';

describe('shipment notices', () => {
  const params = { milestone: 'DEPARTED', classifier: 'ACT', date: new Date('2026-12-03T00:00:00Z'), contract: 'SC-2026-000007', shipment: 'SHP-2026-000002', detail: 'COSCO Aries 041W' };

  it('word a milestone in the reader’s language, with the date formatted for it', () => {
    const en = renderMessage(shipmentsMessages, 'shipment.milestone', 'en', params);
    expect(en.title).toBe('Vessel departed: SC-2026-000007');
    expect(en.body).toMatch(/^Vessel departed on Dec 3, 2026 — shipment SHP-2026-000002 of contract SC-2026-000007 \(COSCO Aries 041W\)\.$/);
    const zh = renderMessage(shipmentsMessages, 'shipment.milestone', 'zh', { ...params, classifier: 'EST', detail: 'none' });
    expect(zh.title).toBe('船已开航：SC-2026-000007');
    expect(zh.body).toBe('船已开航，预计 2026年12月3日——合同 SC-2026-000007 的货运 SHP-2026-000002。');
  });

  it('have every kind in both languages', () => {
    expect(Object.keys(shipmentsMessages.zh).sort()).toEqual(Object.keys(shipmentsMessages.en).sort());
  });
});
