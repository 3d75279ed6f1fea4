import { supplierQueryOptions } from '../../features/catalog/api/get-supplier.ts';
import { SupplierProfileView } from '../../features/catalog/components/supplier-profile.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(supplierQueryOptions()));

export default function SupplierRoute() {
  return <SupplierProfileView />;
}
