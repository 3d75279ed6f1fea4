import { createBrowserRouter } from 'react-router';
import { AppShell, NotFound, PublicLayout, RootRedirect } from './layouts.tsx';

const staffRoles = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;

/** Each page is its own chunk, loaded when first visited. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => () => load().then((m) => ({ Component: m.default }));

export const routes = [
  { path: '/', element: <RootRedirect /> },
  {
    element: <PublicLayout />,
    children: [
      { path: 'login', lazy: page(() => import('./routes/login.tsx')) },
      { path: 'register', lazy: page(() => import('./routes/register.tsx')) },
      { path: 'verify-email', lazy: page(() => import('./routes/verify-email.tsx')) },
      { path: 'invite/:token', lazy: page(() => import('./routes/invite.tsx')) },
    ],
  },
  {
    path: 'portal',
    element: <AppShell roles={['BUYER']} />,
    children: [
      { index: true, lazy: page(() => import('./routes/portal-overview.tsx')) },
      { path: 'company', lazy: page(() => import('./routes/portal-company.tsx')) },
      { path: 'inquiries', lazy: page(() => import('./routes/portal-inquiries.tsx')) },
      { path: 'inquiries/new', lazy: page(() => import('./routes/portal-inquiry-new.tsx')) },
      { path: 'inquiries/:inquiryId', lazy: page(() => import('./routes/portal-inquiry.tsx')) },
      { path: 'contracts', lazy: page(() => import('./routes/contracts.tsx')) },
      { path: 'contracts/:contractId', lazy: page(() => import('./routes/contract.tsx')) },
      { path: 'account', lazy: page(() => import('./routes/account.tsx')) },
    ],
  },
  {
    path: 'staff',
    element: <AppShell roles={staffRoles} />,
    children: [
      { index: true, lazy: page(() => import('./routes/staff-overview.tsx')) },
      { path: 'companies', lazy: page(() => import('./routes/staff-companies.tsx')) },
      { path: 'companies/:companyId', lazy: page(() => import('./routes/staff-company.tsx')) },
      { path: 'users', lazy: page(() => import('./routes/staff-users.tsx')) },
      { path: 'products', lazy: page(() => import('./routes/staff-products.tsx')) },
      { path: 'inquiries', lazy: page(() => import('./routes/staff-inquiries.tsx')) },
      { path: 'inquiries/:inquiryId', lazy: page(() => import('./routes/staff-inquiry.tsx')) },
      { path: 'approvals', lazy: page(() => import('./routes/staff-approvals.tsx')) },
      { path: 'settings', lazy: page(() => import('./routes/staff-settings.tsx')) },
      { path: 'contracts', lazy: page(() => import('./routes/contracts.tsx')) },
      { path: 'contracts/:contractId', lazy: page(() => import('./routes/contract.tsx')) },
      { path: 'quotes/:quoteId', lazy: page(() => import('./routes/staff-quote.tsx')) },
      { path: 'products/new', lazy: page(() => import('./routes/staff-product-edit.tsx')) },
      { path: 'products/:productId', lazy: page(() => import('./routes/staff-product-edit.tsx')) },
      { path: 'account', lazy: page(() => import('./routes/account.tsx')) },
    ],
  },
  {
    element: <AppShell roles="anyone" />,
    children: [
      { path: 'catalog', lazy: page(() => import('./routes/catalog-search.tsx')) },
      { path: 'catalog/products/:productId', lazy: page(() => import('./routes/catalog-product.tsx')) },
      { path: 'supplier', lazy: page(() => import('./routes/supplier.tsx')) },
    ],
  },
  { path: '*', element: <NotFound /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
