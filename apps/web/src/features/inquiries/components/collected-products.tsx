import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useProductSearch } from '../../catalog/api/search-products.ts';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useInquiryList, useInquiryListChanges } from '../api/inquiry-list.ts';

/**
 * The buyer's inquiry list, kept on their account: the products collected with their quantities, a
 * search to add more by name or SKU (at their MOQ), and the way on to one inquiry for all of them.
 */
export function CollectedProducts({ onInquire }: { onInquire: () => void }) {
  const { t, number, locale } = useI18n();
  const id = useId();
  const list = useInquiryList();
  const { put, remove } = useInquiryListChanges();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useProductSearch(q ? new URLSearchParams({ q, pageSize: '6' }).toString() : '');
  const items = list.data?.items ?? [];
  const listed = new Set(items.map((i) => i.productId));
  const failure = put.error ?? remove.error;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rfq.collected')}</h2>
      <p className="muted">{t('rfq.listHint')}</p>
      {items.length === 0 ? <p>{t('rfq.listEmpty')}</p> : (
        <ul className="plain-list">
          {items.map((i) => (
            <li key={i.productId}>
              <Link to={`/catalog/products/${i.productId}`}>{i.name}</Link> <span className="muted">· {i.sku} · {number(i.quantity)} {i.unit}</span>
              {!i.available && <span className="badge badge--bad">{t('rfq.listUnavailable')}</span>}
              {i.available && i.belowMoq && <span className="badge badge--warn">{t('rfq.listBelowMoq', { moq: number(i.moq), unit: i.unit })}</span>}{' '}
              <button type="button" className="link-button" onClick={() => remove.mutate(i.productId)} aria-label={`${t('products.remove')} ${i.name}`}>{t('products.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="product-picker">
        <label htmlFor={`${id}-q`}>{t('rfq.listFind')}</label>
        <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        {q && (
          <ul className="plain-list product-picker__list" aria-live="polite">
            {found.data?.items.map((p) => (
              <li key={p.id}>
                <span><strong>{locale === 'zh-CN' ? p.nameZh : p.nameEn}</strong> <span className="muted small">{p.sku} · MOQ {number(p.moq)} {p.unit}</span></span>
                {listed.has(p.id)
                  ? <span className="badge badge--ok">{t('picker.added')}</span>
                  : <button type="button" className="btn btn--small btn--secondary" aria-label={`${t('picker.add')} ${p.nameEn}`} disabled={put.isPending} onClick={() => put.mutate({ productId: p.id, quantity: p.moq })}>{t('picker.add')}</button>}
              </li>
            ))}
            {found.data?.items.length === 0 && <li className="muted">{t('picker.none')}</li>}
          </ul>
        )}
      </div>
      {failure && <p className="alert alert--error" role="alert">{errorText(failure, t)}</p>}
      {items.length > 0 && (
        <div className="form__actions">
          <button type="button" className="btn btn--primary" onClick={onInquire} disabled={items.every((i) => !i.available)}>{t('rfq.inquireAll', { count: items.filter((i) => i.available).length })}</button>
        </div>
      )}
    </section>
  );
}
