import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SupplierProfile } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { SupplierForm } from './supplier-form.tsx';

const supplier: SupplierProfile = {
  id: '0190a0e0-0000-7000-8000-0000000000e1', name: 'Ningbo Harbour Homeware Co., Ltd.', country: 'CN', city: 'Ningbo', website: null,
  headline: 'Homeware from Ningbo', headlineZh: null, description: 'Drinkware and textiles.', descriptionZh: '饮具与纺织品。',
  yearEstablished: 2006, employees: null, factoryAreaM2: 38000, productionCapacity: null, markets: ['EU', 'UK'], certifications: ['BSCI'], productLines: ['Drinkware'],
  mainPort: { code: 'CNNGB', name: 'Ningbo' }, productCount: 17, categories: [],
  localized: { lang: 'en', headline: 'Homeware from Ningbo', description: 'Drinkware and textiles.', categories: [] },
};

describe('the supplier profile form', () => {
  it('sends lists one item per line, blank numbers as none, the port in capitals, and the Chinese headline', async () => {
    const calls = serveApi({ 'PUT /api/catalog/supplier': (body) => ({ status: 200, body: { ...supplier, ...(body as object) } }) });
    renderWithProviders(<SupplierForm supplier={supplier} />);
    fireEvent.change(screen.getByLabelText(/^Headline in Chinese/), { target: { value: '宁波家居用品' } });
    fireEvent.change(screen.getByLabelText(/^Main markets/), { target: { value: 'EU\nUK\n  North America , Australia' } });
    fireEvent.change(screen.getByLabelText(/^Factory area/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/^Main port/), { target: { value: 'cnsha' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeDefined());
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      headline: 'Homeware from Ningbo', headlineZh: '宁波家居用品', descriptionZh: '饮具与纺织品。', yearEstablished: 2006, employees: null, factoryAreaM2: null,
      markets: ['EU', 'UK', 'North America', 'Australia'], certifications: ['BSCI'], productLines: ['Drinkware'], mainPortCode: 'CNSHA',
    });
  });

  it('names the field the API refuses', async () => {
    serveApi({
      'PUT /api/catalog/supplier': () => ({ status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION', detail: 'bad', errors: [{ field: 'body.mainPortCode', message: 'is not a known port' }] } }),
    });
    renderWithProviders(<SupplierForm supplier={supplier} />);
    fireEvent.change(screen.getByLabelText(/^Main port/), { target: { value: 'ZZZZZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('is not a known port')).toBeInTheDocument();
  });
});
