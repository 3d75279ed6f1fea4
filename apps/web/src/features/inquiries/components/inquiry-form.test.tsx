import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { InquiryForm } from './inquiry-form.tsx';

describe('the RFQ form', () => {
  it('offers only the Incoterms the exporter quotes, and leaves a term it does not quote for the first one it does', async () => {
    serveApi({
      'GET /api/reference/ports': () => ({ status: 200, body: [{ code: 'DEHAM', name: 'Hamburg', country: 'DE', kind: 'SEA' }] }),
      'GET /api/reference/incoterms': () => ({ status: 200, body: { quoted: ['FOB', 'CFR', 'CIF'] } }),
    });
    renderWithProviders(
      <InquiryForm initialLines={[{ description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc' }]} initialIncoterm="DDP" country="DE" currency="USD" loadingPortName="Ningbo" onSent={() => {}} />,
    );
    const select = screen.getByLabelText('Incoterm') as HTMLSelectElement;
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['FOB', 'CFR', 'CIF']));
    await waitFor(() => expect(select.value).toBe('FOB'));
  });
});
