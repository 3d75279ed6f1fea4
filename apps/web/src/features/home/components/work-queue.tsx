import { Link } from 'react-router';
import type { ActionItem, HomeView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNow } from '../../../lib/use-now.ts';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { useHome } from '../api/get-home.ts';
import { describeFigure, describeItem, timerOf } from './wording.ts';

/** The home page's body: what waits for the user, most urgent first, then their business at a glance. */
export function HomeBoard({ audience }: { audience: 'buyer' | 'staff' }) {
  const { t } = useI18n();
  const { data, isPending, error, refetch } = useHome();
  if (isPending) return <Loading />;
  if (error) {
    return (
      <section className="card" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('home.queue')}</h2>
        <ErrorState error={error} onRetry={() => void refetch()} message={t('home.loadFailed')} />
      </section>
    );
  }
  return (
    <>
      <WorkQueue view={data} audience={audience} />
      {data.figures.length > 0 && <Figures view={data} />}
    </>
  );
}

function WorkQueue({ view, audience }: { view: HomeView; audience: 'buyer' | 'staff' }) {
  const { t } = useI18n();
  const total = Object.values(view.totals).reduce((sum, n) => sum + n, 0);
  return (
    <section className="card queue" aria-labelledby="queue-title">
      <div className="queue__head">
        <h2 id="queue-title">{t('home.queue')}</h2>
        {total > 0 && <span className="badge badge--warn">{t('home.queueCount', { count: total })}</span>}
      </div>
      {view.items.length === 0 ? (
        <EmptyState>
          <p><strong>{t('home.empty')}</strong></p>
          <p>{t(audience === 'buyer' ? 'home.emptyBuyer' : 'home.emptyStaff')}</p>
          <Link className="btn btn--secondary" to={audience === 'buyer' ? '/catalog' : '/staff/inquiries'}>
            {t(audience === 'buyer' ? 'home.browse' : 'home.openInquiries')}
          </Link>
        </EmptyState>
      ) : (
        <ul className="queue__list">
          {view.items.map((item) => <QueueItem key={item.id} item={item} />)}
        </ul>
      )}
      {total > view.items.length && <p className="muted">{t('home.more', { shown: view.items.length, total })}</p>}
    </section>
  );
}

const tone = { OVERDUE: 'bad', DUE_SOON: 'warn', WAITING: 'muted' } as const;

function QueueItem({ item }: { item: ActionItem }) {
  const { t, money } = useI18n();
  const now = useNow(60_000);
  const text = describeItem(item, t, money);
  const amount = typeof item.params.amount === 'string' && typeof item.params.currency === 'string' ? money(item.params.amount, item.params.currency) : null;
  return (
    <li className={`queue__item queue__item--${item.urgency.toLowerCase()}`}>
      <span className={`badge badge--${tone[item.urgency]}`}>{t(`home.urgency.${item.urgency}`)}</span>
      <div className="queue__text">
        <Link to={item.link}>{text}</Link>
        <span className="muted">
          <time dateTime={item.dueAt ?? item.since}>{timerOf(item, now, t)}</time>
          {amount && <> · {amount}</>}
        </span>
      </div>
    </li>
  );
}

function Figures({ view }: { view: HomeView }) {
  const { t, money, number } = useI18n();
  return (
    <section className="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('home.atGlance')}</h2>
      <ul className="figures">
        {view.figures.map((f) => (
          <li key={f.key}>
            <Link to={f.link} className="figure">
              <span className="figure__count">{number(f.count)}</span>
              <span className="figure__label">{describeFigure(f, t)}</span>
              {f.amounts?.map((a) => <span key={a.currency} className="figure__amount">{money(a.amount, a.currency)}</span>)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
