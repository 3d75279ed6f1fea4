import { supplierQueryOptions, useSupplier } from '../../features/catalog/api/get-supplier.ts';
import { SupplierForm } from '../../features/catalog/components/supplier-form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(supplierQueryOptions()));

/** Managers keep the supplier profile buyers read. */
export default function StaffSupplierRoute() {
  const { t } = useI18n();
  const supplier = useSupplier();
  if (supplier.isPending) return <Loading />;
  if (supplier.error) return <ErrorState error={supplier.error} onRetry={() => void supplier.refetch()} />;
  return (
    <div className="page">
      <h1>{t('supplier.edit')}</h1>
      <p className="muted">{t('supplier.editLead')}</p>
      <SupplierForm supplier={supplier.data} />
    </div>
  );
}
