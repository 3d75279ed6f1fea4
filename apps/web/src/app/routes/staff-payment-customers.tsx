import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can } from '@portal/domain/access';
import { FormAlert } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { financeSettingsQueryOptions, useFinanceSettings } from '../../features/payments/api/finance-settings.ts';
import { paymentKeys } from '../../features/payments/api/keys.ts';
import { collectionCustomersQueryOptions, useCollectionCustomers } from '../../features/payments/api/list-customers.ts';
import { CustomersTable } from '../../features/payments/components/customers.tsx';
import { FinanceSettingsForm } from '../../features/payments/components/finance-settings-form.tsx';
import { PaymentsNav } from '../../features/payments/components/payments-nav.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { api } from '../../lib/api.ts';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(collectionCustomersQueryOptions()), qc.ensureQueryData(financeSettingsQueryOptions()));

/** Customers and credit: limits and terms, dunning pauses, finance settings, and a notice run on demand. */
export default function StaffPaymentCustomersRoute() {
  const { pt } = usePayText();
  const { data: user } = useSession();
  const customers = useCollectionCustomers();
  const settings = useFinanceSettings();
  const qc = useQueryClient();
  const run = useMutation({ mutationFn: () => api<{ reminders: number; dunning: number }>('/api/payments/dunning/run', { method: 'POST', body: {} }), onSuccess: () => qc.invalidateQueries({ queryKey: paymentKeys.all }) });
  const manage = can(user!.role, 'payments.manage');
  return (
    <div className="page">
      <h1>{pt('pay.customers')}</h1>
      <PaymentsNav role={user!.role} />
      <section className="card">
        {customers.isPending ? <Loading /> : customers.error ? <ErrorState error={customers.error} /> : <CustomersTable customers={customers.data} canManage={manage} />}
      </section>
      <section className="card">
        <h2>{pt('pay.settings')}</h2>
        {settings.isPending ? <Loading /> : settings.error ? <ErrorState error={settings.error} /> : <FinanceSettingsForm settings={settings.data} canManage={manage} />}
        {manage && (
          <div className="form__actions">
            <button type="button" className="btn btn--secondary" disabled={run.isPending} onClick={() => run.mutate()}>{pt('pay.runDunning')}</button>
          </div>
        )}
        {run.data && <FormAlert tone="success" message={pt('pay.ranDunning', { r: run.data.reminders, d: run.data.dunning })} />}
      </section>
    </div>
  );
}
