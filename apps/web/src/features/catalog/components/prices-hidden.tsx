import { useSession } from '../../auth/api/get-session.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/**
 * Why the catalog shows no prices, to whoever reads it: a visitor is asked to sign in or register;
 * a signed-in buyer whose company is awaiting approval is told it is being reviewed; one whose
 * company is rejected or suspended that it may not trade.
 */
export function PricesHiddenNotice() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const status = user?.role === 'BUYER' ? user.company?.status : undefined;
  const key = status === 'PENDING' ? 'catalog.pricesHiddenPending' : status === 'REJECTED' || status === 'SUSPENDED' ? 'catalog.pricesHiddenBlocked' : 'catalog.pricesHidden';
  return <p className="notice notice--info">{t(key)}</p>;
}
