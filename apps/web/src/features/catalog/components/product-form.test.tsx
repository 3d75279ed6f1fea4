import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CatalogImage, CategoryNode, ProductEditable } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { ProductForm } from './product-form.tsx';

const category: CategoryNode = { id: '0190a0e0-0000-7000-8000-0000000000a1', slug: 'kitchen', nameEn: 'Kitchen tools', nameZh: '厨房用品', parentId: null, sortOrder: 0, productCount: 3 };

const product: ProductEditable = {
  id: '0190a0e0-0000-7000-8000-0000000000b1', sku: 'KT-MUG-350', categoryId: category.id, nameEn: 'Enamel camping mug, 350 ml', nameZh: '搪瓷露营杯 350毫升',
  descriptionEn: 'Enamelled steel mug with a rolled stainless rim.', descriptionZh: null, specifications: [], material: 'Enamelled steel', unit: 'pc',
  moq: '1000', unitsPerCarton: 48, cartonLengthCm: '52', cartonWidthCm: '36', cartonHeightCm: '30', cartonGrossWeightKg: '14.2', cartonNetWeightKg: null,
  hsCode: '7323940000', origin: 'CN', certifications: ['LFGB'], leadTimeDays: 35, incoterms: ['FOB'], portOfLoadingCode: 'CNNGB', status: 'ACTIVE',
  marginFloorRate: null, images: [], priceTiers: [{ minQuantity: '1000', unitPrice: '1.8500', currency: 'USD', incoterm: 'FOB' }], updatedAt: '2026-11-20T08:00:00.000Z',
};

const sha = 'a3f1'.repeat(16);
const uploaded: CatalogImage = { url: `/api/catalog/images/${sha}`, sha256: sha, mimeType: 'image/png', sizeBytes: 98, width: 3, height: 2 };
const png = (name = 'mug-front.png') => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], name, { type: 'image/png' });

/** An answer that waits until the test lets it go, to see the form while the upload runs. */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

function renderForm(locale: 'en' | 'zh-CN' = 'en') {
  const onSave = vi.fn();
  renderWithProviders(<ProductForm product={product} categories={[category]} saving={false} error={null} onSave={onSave} />, locale);
  return { onSave };
}

describe('ProductForm picture upload', () => {
  it('uploads the chosen file, shows it is busy, then adds a row with a preview and asks for its description', async () => {
    const answer = held<{ status: number; body: CatalogImage }>();
    const calls = serveApi({ 'POST /api/catalog/images': () => answer.promise });
    const user = userEvent.setup();
    const { onSave } = renderForm();

    const input = screen.getByLabelText('Upload image');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');
    expect(input).toHaveAccessibleDescription(/JPEG, PNG or WebP, up to 5 MB/);
    // Reached with the keyboard like any other control.
    screen.getByRole('button', { name: 'Add a picture' }).focus();
    await user.tab();
    expect(input).toHaveFocus();

    await user.upload(input, png());
    expect(await screen.findByText('Uploading mug-front.png…')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Uploading mug-front.png…');
    expect(screen.getByLabelText('Uploading…')).toBeDisabled();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/catalog/images' });
    const sent = (calls[0]!.body as FormData).get('file') as File;
    expect(sent.name).toBe('mug-front.png');

    answer.release({ status: 201, body: uploaded });
    const alt = await screen.findByLabelText('Description of the picture 1');
    expect(screen.getByLabelText('Image address 1')).toHaveValue(uploaded.url);
    expect(alt).toHaveValue('');
    await vi.waitFor(() => expect(alt).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('mug-front.png uploaded. Describe the picture, then save the product.');
    expect(screen.getByLabelText('Upload image')).toBeEnabled();
    // The preview: an image without a description is decorative until it gets one.
    const row = alt.closest('.image-row') as HTMLElement;
    const thumb = row.querySelector('img')!;
    expect(thumb).toHaveAttribute('src', uploaded.url);
    expect(thumb).toHaveAttribute('alt', '');

    await user.type(alt, 'Mug, front view');
    expect(within(row).getByRole('img', { name: 'Mug, front view' })).toHaveAttribute('src', uploaded.url);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].images).toEqual([{ url: uploaded.url, alt: 'Mug, front view' }]);
  });

  it('asks for the description before saving an uploaded picture', async () => {
    serveApi({ 'POST /api/catalog/images': () => ({ status: 201, body: uploaded }) });
    const user = userEvent.setup();
    const { onSave } = renderForm();
    await user.upload(screen.getByLabelText('Upload image'), png());
    const alt = await screen.findByLabelText('Description of the picture 1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(alt).toHaveAttribute('aria-invalid', 'true');
    expect(alt).toHaveAccessibleDescription('must not be empty');
  });

  it('shows the API’s refusal of a file that is not a picture next to the control, announced, and adds nothing', async () => {
    serveApi({
      'POST /api/catalog/images': () => ({
        status: 415,
        body: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'catalog pictures must be JPEG, PNG or WebP images', errors: [{ field: 'file', message: 'must be a JPEG, PNG or WebP image' }] },
      }),
    });
    const user = userEvent.setup();
    renderForm();
    await user.upload(screen.getByLabelText('Upload image'), new File(['just some notes'], 'notes.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('notes.png is not a JPEG, PNG or WebP picture.');
    expect(screen.getByLabelText('Upload image')).toHaveAccessibleDescription(/notes\.png is not a JPEG, PNG or WebP picture\./);
    // The keyboard focus is back on the control, ready for another file.
    expect(screen.getByLabelText('Upload image')).toHaveFocus();
    expect(screen.queryByLabelText('Image address 1')).not.toBeInTheDocument();
  });

  it('refuses a picture over 5 MB without sending it', async () => {
    const calls = serveApi({});
    const user = userEvent.setup();
    renderForm();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'warehouse.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText('Upload image'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('warehouse.jpg is larger than 5 MB.');
    expect(calls).toHaveLength(0);
  });

  it('speaks Chinese, also for the API’s refusal of a picture that is too large', async () => {
    serveApi({
      'POST /api/catalog/images': () => ({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', detail: 'the file is larger than 5 MB', errors: [{ field: 'file', message: 'must be at most 5 MB' }] } }),
    });
    const user = userEvent.setup();
    renderForm('zh-CN');
    await user.upload(await screen.findByLabelText('上传图片'), png('大图.png'));
    expect(await screen.findByRole('alert')).toHaveTextContent('大图.png 超过 5 MB。');
  });
});

describe('ProductForm specifications in two languages', () => {
  it('takes a specification with its Chinese, and sends a Chinese left empty as none', async () => {
    const user = userEvent.setup();
    const { onSave } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add a specification' }));
    await user.type(screen.getByLabelText('Property 1'), 'Capacity');
    await user.type(screen.getByLabelText('Value 1'), '350 ml');
    await user.type(screen.getByLabelText('Property in Chinese 1'), '容量');
    await user.type(screen.getByLabelText('Value in Chinese 1'), '350 毫升');
    await user.click(screen.getByRole('button', { name: 'Add a specification' }));
    await user.type(screen.getByLabelText('Property 2'), 'Rim');
    await user.type(screen.getByLabelText('Value 2'), 'Stainless steel');
    expect(screen.getByLabelText('Value in Chinese 2')).toHaveAttribute('lang', 'zh-CN');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].specifications).toEqual([
      { name: 'Capacity', value: '350 ml', nameZh: '容量', valueZh: '350 毫升' },
      { name: 'Rim', value: 'Stainless steel', nameZh: null, valueZh: null },
    ]);
  });

  it('shows a product’s Chinese specifications for editing, labelled in the clerk’s Chinese', async () => {
    const withSpecs = { ...product, specifications: [{ name: 'Capacity', value: '350 ml', nameZh: '容量', valueZh: '350 毫升' }] };
    renderWithProviders(<ProductForm product={withSpecs} categories={[category]} saving={false} error={null} onSave={vi.fn()} />, 'zh-CN');
    expect(await screen.findByLabelText('属性（中文） 1')).toHaveValue('容量');
    expect(screen.getByLabelText('值（中文） 1')).toHaveValue('350 毫升');
    expect(screen.getByLabelText('属性 1')).toHaveValue('Capacity');
  });
});
