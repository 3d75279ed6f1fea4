import { useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { productQueryOptions } from '../../features/catalog/api/get-product.ts';
import { ProductPage } from '../../features/catalog/components/product-page.tsx';
import { portsQuery } from '../../features/inquiries/api/ports.ts';
import { QuoteRequestPanel } from '../../features/inquiries/components/quote-request-panel.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }, user) =>
  settle(qc.ensureQueryData(productQueryOptions(params.productId ?? '')), user?.role === 'BUYER' && qc.ensureQueryData(portsQuery));

/** A product page, and beside it the buyer's request for a quote. */
export default function CatalogProductRoute() {
  const { productId = '' } = useParams();
  const { data: user } = useSession();
  return <ProductPage productId={productId} request={(product) => <QuoteRequestPanel product={product} user={user ?? null} />} />;
}
