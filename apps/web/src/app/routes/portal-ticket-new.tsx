import { Link, useNavigate, useSearchParams } from 'react-router';
import { productQueryOptions, useProduct } from '../../features/catalog/api/get-product.ts';
import { ticketSubjectsQueryOptions } from '../../features/tickets/api/list-subjects.ts';
import { TicketForm } from '../../features/tickets/components/ticket-form.tsx';
import { useTicketText } from '../../features/tickets/messages.ts';
import '../../features/tickets/tickets.css';
import { Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ request }) => {
  const productId = new URL(request.url).searchParams.get('product');
  return settle(productId && qc.ensureQueryData(productQueryOptions(productId)), qc.ensureQueryData(ticketSubjectsQueryOptions()));
};

/** A buyer opens a ticket, optionally about a product (?product=<id>) or one of their contracts. */
export default function PortalTicketNewRoute() {
  const tt = useTicketText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const productId = params.get('product');
  const product = useProduct(productId ?? '', { enabled: Boolean(productId) });
  if (productId && product.isPending) return <Loading />;
  return (
    <div className="page">
      <p><Link to="/portal/tickets">← {tt('title.buyer')}</Link></p>
      <h1>{tt('new.title')}</h1>
      <TicketForm
        product={product.data ? { id: product.data.id, label: `${product.data.sku} ${product.data.nameEn}` } : undefined}
        onOpened={(ticket) => void navigate(`/portal/tickets/${ticket.id}`)}
      />
    </div>
  );
}
