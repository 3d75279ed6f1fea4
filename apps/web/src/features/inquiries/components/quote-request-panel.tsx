import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProductDetail, SessionUser } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useIndicativePrice } from '../api/get-indicative-price.ts';
import { useInquiryListChanges } from '../api/inquiry-list.ts';
import { usePorts } from '../api/ports.ts';
import { meetsMoq } from '../utils/moq.ts';

/** On a product page: quantity, Incoterm and port → an indicative price at once, then ask for a real quote. */
export function QuoteRequestPanel({ product, user }: { product: ProductDetail; user: SessionUser | null }) {
  const { t, money, number } = useI18n();
  const navigate = useNavigate();
  const ports = usePorts();
  const [quantity, setQuantity] = useState(product.moq);
  const [incoterm, setIncoterm] = useState<'FOB' | 'CFR' | 'CIF'>('FOB');
  const [port, setPort] = useState('');
  const [debounced, setDebounced] = useState({ quantity, incoterm, port });
  useEffect(() => {
    const id = setTimeout(() => setDebounced({ quantity, incoterm, port }), 300);
    return () => clearTimeout(id);
  }, [quantity, incoterm, port]);

  const approvedBuyer = user?.role === 'BUYER' && user.company.status === 'APPROVED';
  const { put: addToList } = useInquiryListChanges();
  const qtyOk = meetsMoq(debounced.quantity, product.moq);
  const needsPort = debounced.incoterm !== 'FOB';
  const price = useIndicativePrice(
    product.id,
    { quantity: debounced.quantity, incoterm: debounced.incoterm, ...(debounced.port ? { port: debounced.port } : {}), currency: user?.company.defaultCurrency ?? 'USD' },
    approvedBuyer && qtyOk && (!needsPort || Boolean(debounced.port)),
  );

  if (!user) {
    return (
      <div className="quote-panel">
        <p>{t('rfq.signInToAsk')}</p>
        <div className="form__actions">
          <Link className="btn btn--primary" to={`/login?next=/catalog/products/${product.id}`}>{t('nav.signIn')}</Link>
          <Link className="btn btn--secondary" to="/register">{t('nav.register')}</Link>
        </div>
      </div>
    );
  }
  if (user.role !== 'BUYER') return null;
  if (!approvedBuyer) return <div className="quote-panel"><p>{t('rfq.awaitApproval')}</p></div>;

  const qtyError = quantity && !meetsMoq(quantity, product.moq) ? t('rfq.belowMoq', { moq: number(product.moq), unit: product.unit }) : null;
  const seaPorts = (ports.data ?? []).filter((p) => p.kind === 'SEA' && p.country !== 'CN');
  const params = new URLSearchParams({ product: product.id, qty: quantity, incoterm, ...(port ? { port } : {}) });

  return (
    <div className="quote-panel" aria-labelledby="rfq-title">
      <h2 id="rfq-title">{t('rfq.title')}</h2>
      <div className="quote-panel__row">
        <label className="field">
          <span>{t('catalog.quantity')} ({product.unit})</span>
          <input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value.trim())} aria-invalid={Boolean(qtyError)} aria-describedby="rfq-qty-error" />
        </label>
        <label className="field">
          <span>{t('catalog.incoterm')}</span>
          <select value={incoterm} onChange={(e) => setIncoterm(e.target.value as 'FOB' | 'CFR' | 'CIF')}>
            <option value="FOB">FOB {product.portOfLoading?.name ?? ''}</option>
            <option value="CFR">CFR</option>
            <option value="CIF">CIF</option>
          </select>
        </label>
        {incoterm !== 'FOB' && (
          <label className="field">
            <span>{t('rfq.destinationPort')}</span>
            <select value={port} onChange={(e) => setPort(e.target.value)}>
              <option value="">{t('rfq.choosePort')}</option>
              {seaPorts.map((p) => <option key={p.code} value={p.code}>{p.name} ({p.code})</option>)}
            </select>
          </label>
        )}
      </div>
      {qtyError && <p id="rfq-qty-error" className="field__error" role="alert">{qtyError}</p>}
      <div className="quote-panel__price" aria-live="polite">
        {price.data ? (
          <>
            <span className="badge badge--info">{t('rfq.indicative')}</span>{' '}
            <strong>{money(price.data.unitPrice.amount, price.data.unitPrice.currency, 4)}</strong> / {product.unit} {price.data.incoterm} {price.data.namedPlace}
            <span className="muted"> · {t('rfq.total')} {money(price.data.total.amount, price.data.total.currency)}</span>
            <p className="muted small">{t('rfq.indicativeNote')}</p>
          </>
        ) : price.isFetching ? (
          <span className="muted">{t('common.loading')}</span>
        ) : price.error ? (
          <span className="muted">{price.error instanceof ApiError && price.error.status === 409 ? t('rfq.askForQuote') : errorText(price.error, t)}</span>
        ) : needsPort && !port ? (
          <span className="muted">{t('rfq.choosePortForPrice')}</span>
        ) : null}
      </div>
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={Boolean(qtyError)} onClick={() => navigate(`/portal/inquiries/new?${params}`)}>{t('rfq.requestQuote')}</button>
        <button type="button" className="btn btn--secondary" disabled={Boolean(qtyError) || addToList.isPending} onClick={() => addToList.mutate({ productId: product.id, quantity })}>
          {t('rfq.addToList')}
        </button>
      </div>
      {addToList.isSuccess && (
        <p className="alert alert--success" role="status">
          {t('rfq.listAdded', { name: product.nameEn, count: addToList.data.items.length })} <Link to="/portal/inquiries">{t('rfq.listOpen')}</Link>
        </p>
      )}
      {addToList.error && <p className="alert alert--error" role="alert">{errorText(addToList.error, t)}</p>}
    </div>
  );
}
