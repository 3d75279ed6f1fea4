import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@portal/schemas';
import { staffRoles } from '@portal/domain';
import { Loading } from '../components/states.tsx';
import { sessionQueryOptions } from '../features/auth/api/get-session.ts';
import { AppShell, NotFound, PublicLayout, RootRedirect } from './layouts.tsx';
import type { PageLoader } from './prefetch.ts';

type PageModule = { default: ComponentType; clientLoader?: PageLoader };
type Access = readonly Role[] | 'anyone';

/** A page fetches for its own filters and pages (search params) itself; its loader prefetches on arrival. */
const onArrival = ({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) =>
  currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;

/** The app's routes; each page's loader prefetches into this query client. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  /** Each page is its own chunk, loaded when first visited, with the loader that prefetches its data. */
  const page = (load: () => Promise<PageModule>, access: Access) => ({
    HydrateFallback: Loading,
    lazy: async () => {
      const { default: Component, clientLoader } = await load();
      if (!clientLoader) return { Component };
      const prefetch = clientLoader(queryClient);
      return {
        Component,
        shouldRevalidate: onArrival,
        loader: async (args: LoaderFunctionArgs) => {
          // Nothing is fetched for a visitor the shell sends to sign in, nor for a user it sends home.
          const user = await queryClient.ensureQueryData(sessionQueryOptions()).catch(() => null);
          if (access !== 'anyone' && (!user || !access.includes(user.role))) return null;
          return prefetch(args, user);
        },
      };
    },
  });
  const buyer = (load: () => Promise<PageModule>) => page(load, ['BUYER']);
  const staff = (load: () => Promise<PageModule>) => page(load, staffRoles);
  const open = (load: () => Promise<PageModule>) => page(load, 'anyone');

  return [
    { path: '/', element: <RootRedirect /> },
    {
      element: <PublicLayout />,
      children: [
        { path: 'login', ...open(() => import('./routes/login.tsx')) },
        { path: 'register', ...open(() => import('./routes/register.tsx')) },
        { path: 'verify-email', ...open(() => import('./routes/verify-email.tsx')) },
        { path: 'invite/:token', ...open(() => import('./routes/invite.tsx')) },
      ],
    },
    {
      path: 'portal',
      element: <AppShell roles={['BUYER']} />,
      children: [
        { index: true, ...buyer(() => import('./routes/portal-overview.tsx')) },
        { path: 'company', ...buyer(() => import('./routes/portal-company.tsx')) },
        { path: 'inquiries', ...buyer(() => import('./routes/portal-inquiries.tsx')) },
        { path: 'inquiries/new', ...buyer(() => import('./routes/portal-inquiry-new.tsx')) },
        { path: 'inquiries/:inquiryId', ...buyer(() => import('./routes/portal-inquiry.tsx')) },
        { path: 'contracts', ...buyer(() => import('./routes/sales-contracts.tsx')) },
        { path: 'contracts/:contractId', ...buyer(() => import('./routes/sales-contract.tsx')) },
        { path: 'claims', ...buyer(() => import('./routes/claims.tsx')) },
        { path: 'claims/new', ...buyer(() => import('./routes/claim-new.tsx')) },
        { path: 'claims/:claimId', ...buyer(() => import('./routes/claim.tsx')) },
        { path: 'tickets', ...buyer(() => import('./routes/portal-tickets.tsx')) },
        { path: 'tickets/new', ...buyer(() => import('./routes/portal-ticket-new.tsx')) },
        { path: 'tickets/:ticketId', ...buyer(() => import('./routes/portal-ticket.tsx')) },
        { path: 'payments', ...buyer(() => import('./routes/portal-payments.tsx')) },
        { path: 'contracts/:contractId/tracking', ...buyer(() => import('./routes/contract-execution.tsx')) },
        { path: 'shipments', ...buyer(() => import('./routes/shipments-tracker.tsx')) },
        { path: 'certificates', ...buyer(() => import('./routes/quality-certificates.tsx')) },
        { path: 'certificates/:certificateId', ...buyer(() => import('./routes/quality-certificate.tsx')) },
        { path: 'account', ...buyer(() => import('./routes/account.tsx')) },
      ],
    },
    {
      path: 'staff',
      element: <AppShell roles={staffRoles} />,
      children: [
        { index: true, ...staff(() => import('./routes/staff-overview.tsx')) },
        { path: 'companies', ...staff(() => import('./routes/staff-companies.tsx')) },
        { path: 'companies/:companyId', ...staff(() => import('./routes/staff-company.tsx')) },
        { path: 'users', ...staff(() => import('./routes/staff-users.tsx')) },
        { path: 'products', ...staff(() => import('./routes/staff-products.tsx')) },
        { path: 'inquiries', ...staff(() => import('./routes/staff-inquiries.tsx')) },
        { path: 'inquiries/:inquiryId', ...staff(() => import('./routes/staff-inquiry.tsx')) },
        { path: 'approvals', ...staff(() => import('./routes/staff-approvals.tsx')) },
        { path: 'settings', ...staff(() => import('./routes/staff-settings.tsx')) },
        { path: 'supplier', ...staff(() => import('./routes/staff-supplier.tsx')) },
        { path: 'outbox', ...staff(() => import('./routes/staff-outbox.tsx')) },
        { path: 'contracts', ...staff(() => import('./routes/sales-contracts.tsx')) },
        { path: 'contracts/:contractId', ...staff(() => import('./routes/sales-contract.tsx')) },
        { path: 'claims', ...staff(() => import('./routes/claims.tsx')) },
        { path: 'claims/new', ...staff(() => import('./routes/claim-new.tsx')) },
        { path: 'claims/:claimId', ...staff(() => import('./routes/claim.tsx')) },
        { path: 'tickets', ...staff(() => import('./routes/staff-tickets.tsx')) },
        { path: 'tickets/:ticketId', ...staff(() => import('./routes/staff-ticket.tsx')) },
        { path: 'contracts/:contractId/execution', ...staff(() => import('./routes/contract-execution.tsx')) },
        { path: 'shipments', ...staff(() => import('./routes/shipments-tracker.tsx')) },
        { path: 'certificates', ...staff(() => import('./routes/quality-certificates.tsx')) },
        { path: 'certificates/:certificateId', ...staff(() => import('./routes/quality-certificate.tsx')) },
        { path: 'quotes/:quoteId', ...staff(() => import('./routes/staff-quote.tsx')) },
        { path: 'payments', ...staff(() => import('./routes/staff-payments.tsx')) },
        { path: 'payments/statements', ...staff(() => import('./routes/staff-payment-statements.tsx')) },
        { path: 'payments/statements/:importId', ...staff(() => import('./routes/staff-payment-statement.tsx')) },
        { path: 'payments/ageing', ...staff(() => import('./routes/staff-payment-ageing.tsx')) },
        { path: 'payments/customers', ...staff(() => import('./routes/staff-payment-customers.tsx')) },
        { path: 'products/new', ...staff(() => import('./routes/staff-product-edit.tsx')) },
        { path: 'products/:productId', ...staff(() => import('./routes/staff-product-edit.tsx')) },
        { path: 'account', ...staff(() => import('./routes/account.tsx')) },
      ],
    },
    {
      element: <AppShell roles="anyone" />,
      children: [
        { path: 'catalog', ...open(() => import('./routes/catalog-search.tsx')) },
        { path: 'catalog/products/:productId', ...open(() => import('./routes/catalog-product.tsx')) },
        { path: 'supplier', ...open(() => import('./routes/supplier.tsx')) },
        // Any other address: "page not found" inside the reader's navigation, so there is a way on.
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
