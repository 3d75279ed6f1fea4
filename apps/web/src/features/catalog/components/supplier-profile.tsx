import { Link, useNavigate } from 'react-router';
import { useState } from 'react';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSupplier } from '../api/get-supplier.ts';

/** The supplier's depth page: factory, certifications, markets, capacity, and its own searchable catalog. */
export function SupplierProfileView() {
  const { t, locale, number, country } = useI18n();
  const { data: s, isPending, error, refetch } = useSupplier();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const zh = locale === 'zh-CN';
  return (
    <div className="page supplier">
      <section className="card supplier__hero">
        <h1>{s.name}</h1>
        <p className="lead">{zh && s.headlineZh ? s.headlineZh : s.headline}</p>
        <p>{zh && s.descriptionZh ? s.descriptionZh : s.description}</p>
        <form role="search" className="catalog__search" onSubmit={(e) => { e.preventDefault(); navigate(`/catalog?supplier=${s.id}${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`); }}>
          <label htmlFor="supplier-q" className="visually-hidden">{t('catalog.searchSupplier')}</label>
          <input id="supplier-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('catalog.searchSupplier')} maxLength={200} />
          <button type="submit" className="btn btn--primary">{t('catalog.search')}</button>
        </form>
      </section>
      <div className="grid-2 grid-2--top">
        <section className="card">
          <h2>{t('supplier.factory')}</h2>
          <dl className="details">
            <dt>{t('supplier.location')}</dt><dd>{s.city}, {country(s.country)}</dd>
            {s.yearEstablished && (<><dt>{t('supplier.established')}</dt><dd>{s.yearEstablished}</dd></>)}
            {s.employees && (<><dt>{t('supplier.employees')}</dt><dd>{number(s.employees)}</dd></>)}
            {s.factoryAreaM2 && (<><dt>{t('supplier.area')}</dt><dd>{number(s.factoryAreaM2)} m²</dd></>)}
            {s.productionCapacity && (<><dt>{t('supplier.capacity')}</dt><dd>{s.productionCapacity}</dd></>)}
            {s.mainPort && (<><dt>{t('supplier.port')}</dt><dd>{s.mainPort.name} ({s.mainPort.code})</dd></>)}
            {s.website && (<><dt>{t('register.website')}</dt><dd><a href={s.website} rel="noopener noreferrer" target="_blank">{s.website}</a></dd></>)}
          </dl>
        </section>
        <section className="card">
          <h2>{t('catalog.certifications')}</h2>
          <ul className="chips">{s.certifications.map((c) => <li key={c}>{c}</li>)}</ul>
          <h2>{t('supplier.markets')}</h2>
          <ul className="chips">{s.markets.map((m) => <li key={m}>{m}</li>)}</ul>
          <h2>{t('supplier.lines')}</h2>
          <ul className="chips">{s.productLines.map((l) => <li key={l}>{l}</li>)}</ul>
        </section>
      </div>
      <section className="card">
        <h2>{t('supplier.catalog', { count: s.productCount })}</h2>
        <ul className="category-links">
          {s.categories.map((c) => (
            <li key={c.slug}>
              <Link to={`/catalog?supplier=${s.id}&category=${c.slug}`}>{zh ? c.nameZh : c.nameEn}</Link> <span className="muted">({c.count})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
