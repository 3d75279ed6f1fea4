import { productSearchQueryOptions } from '../../features/catalog/api/search-products.ts';
import { CatalogSearch } from '../../features/catalog/components/catalog-search.tsx';
import { apiSearch } from '../../features/catalog/utils/search-state.ts';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(productSearchQueryOptions(apiSearch(new URL(request.url).searchParams))));

export default function CatalogSearchRoute() {
  return <CatalogSearch />;
}
