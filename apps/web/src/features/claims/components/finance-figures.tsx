import type { ClaimCustomerFigures } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

/** Per customer: accepted settlements to pay, payouts made, credit notes still open (finance's view). */
export function FinanceFigures({ rows }: { rows: ClaimCustomerFigures[] }) {
  const { t, money } = useI18n();
  const list = (xs: { amount: string; currency: string }[]) => (xs.length ? xs.map((m) => money(m.amount, m.currency)).join(' · ') : '—');
  return (
    <section className="card" aria-labelledby="claims-finance">
      <h2 id="claims-finance">{t('claims.finance.title')}</h2>
      {rows.length === 0 ? <p className="muted">{t('claims.finance.none')}</p> : (
        <div className="table-wrap">
          <table className="table table--dense table--stack">
            <thead><tr><th scope="col">{t('claims.company')}</th><th scope="col">{t('claims.finance.toPay')}</th><th scope="col">{t('claims.finance.paidOut')}</th><th scope="col">{t('claims.finance.openCredit')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.buyerCompany.id}>
                  <td data-label={t('claims.company')}>{r.buyerCompany.name}</td>
                  <td data-label={t('claims.finance.toPay')}>{list(r.toPay)}</td>
                  <td data-label={t('claims.finance.paidOut')}>{list(r.paidOut)}</td>
                  <td data-label={t('claims.finance.openCredit')}>{list(r.openCreditNotes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
