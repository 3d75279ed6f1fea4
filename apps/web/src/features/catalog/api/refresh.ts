import type { QueryClient } from '@tanstack/react-query';
import type { CategoryNode, ProductEditable } from '@portal/schemas';
import { catalogKeys } from './keys.ts';

/** After a staff change to a product: its editor shows the saved product; lists and searches refetch. */
export function refreshAfterProductChange(qc: QueryClient, product: ProductEditable) {
  qc.setQueryData(catalogKeys.staffProduct(product.id), product);
  void qc.invalidateQueries({ queryKey: catalogKeys.staffProducts() });
  void qc.invalidateQueries({ queryKey: catalogKeys.searches() });
  void qc.invalidateQueries({ queryKey: catalogKeys.product(product.id) });
}

/** After a change to the category tree: the tree as the API answered it; searches (facets, names) refetch. */
export function refreshAfterCategoryChange(qc: QueryClient, categories: CategoryNode[]) {
  qc.setQueryData(catalogKeys.categories(), categories);
  void qc.invalidateQueries({ queryKey: catalogKeys.searches() });
}
