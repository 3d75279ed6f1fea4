import { useEffect, useId, useState } from 'react';
import type { StaffProductPage } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { useStaffProducts } from '../api/list-staff-products.ts';

type Picked = StaffProductPage['items'][number];

/**
 * Staff pick an active catalog product by name or SKU (search as you type); each pick says "added"
 * beside the product, so adding the same product twice is a choice, not an accident.
 */
export function ProductPicker({ onPick }: { onPick: (product: Picked) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const products = useStaffProducts(new URLSearchParams({ status: 'ACTIVE', pageSize: '8', ...(q ? { q } : {}) }).toString());
  return (
    <div className="product-picker">
      <label htmlFor={`${id}-q`} className="visually-hidden">{t('products.search')}</label>
      <input id={`${id}-q`} type="search" placeholder={t('products.search')} value={text} onChange={(e) => setText(e.target.value)} />
      <ul className="plain-list product-picker__list" aria-live="polite">
        {products.data?.items.map((p) => (
          <li key={p.id}>
            <span><strong>{locale === 'zh-CN' ? p.nameZh : p.nameEn}</strong> <span className="muted small">{p.sku} · MOQ {p.moq} {p.unit}</span></span>
            <button type="button" className="btn btn--small btn--secondary" aria-label={`${t('picker.add')} ${p.nameEn}`} onClick={() => { onPick(p); setAdded((a) => [...a, p.id]); }}>{t('picker.add')}</button>
            {added.includes(p.id) && <span className="badge badge--ok" role="status">{t('picker.added')}</span>}
          </li>
        ))}
        {products.data?.items.length === 0 && <li className="muted">{t('picker.none')}</li>}
      </ul>
    </div>
  );
}
