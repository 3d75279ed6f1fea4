import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_CATALOG_IMAGE_BYTES, catalogImageTypes, type CatalogImage } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUploadCatalogImage } from '../api/upload-catalog-image.ts';

const maxMb = MAX_CATALOG_IMAGE_BYTES / 1024 / 1024;

/**
 * "Upload image": a real file input (keyboard and screen-reader reachable) shown as a button. The
 * picture goes to the catalog image store; its address is handed to `onUploaded`.
 */
export function ImageUpload({ disabled, onUploaded }: { disabled?: boolean; onUploaded: (image: CatalogImage) => void }) {
  const { t } = useI18n();
  const id = useId();
  const upload = useUploadCatalogImage();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = sending !== null;
  // The input is disabled while a file is sent, which drops the keyboard focus: after a refusal it
  // comes back here, where the error is read out with the control.
  useEffect(() => {
    if (error && !busy) input.current?.focus();
  }, [error, busy]);

  /** What went wrong, in the reader's language where the API's code says enough. */
  function describe(err: unknown, name: string): string {
    if (err instanceof ApiError && err.status === 415) return t('products.imageWrongType', { name });
    if (err instanceof ApiError && err.status === 413) return t('products.imageTooLarge', { name, max: maxMb });
    if (err instanceof ApiError && err.fieldErrors[0]) return `${name}: ${err.fieldErrors[0].message}`;
    return err instanceof Error ? err.message : String(err);
  }

  function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after an error) fires again.
    e.target.value = '';
    if (!file) return;
    setError(null);
    setDone(null);
    // Checked here too, so a large photo is not sent only to be refused.
    if (file.size > MAX_CATALOG_IMAGE_BYTES) {
      setError(t('products.imageTooLarge', { name: file.name, max: maxMb }));
      return;
    }
    setSending(file.name);
    upload.mutate(file, {
      onSuccess: (image) => {
        setDone(file.name);
        onUploaded(image);
      },
      onError: (err) => setError(describe(err, file.name)),
      onSettled: () => setSending(null),
    });
  }

  return (
    <div className="image-upload">
      <input
        ref={input}
        id={id}
        type="file"
        className="image-upload__input visually-hidden"
        accept={catalogImageTypes.join(',')}
        disabled={disabled || busy}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={pick}
      />
      <label htmlFor={id} className={`btn btn--secondary btn--small image-upload__button${disabled || busy ? ' is-disabled' : ''}`}>
        {busy ? t('products.uploading') : t('products.uploadImage')}
      </label>
      <p id={`${id}-hint`} className="field__hint">{t('products.uploadHint', { max: maxMb })}</p>
      <p className="image-upload__status" role="status">
        {busy ? t('products.uploadingFile', { name: sending }) : done ? t('products.uploaded', { name: done }) : ''}
      </p>
      {error && <p id={`${id}-error`} className="field__error" role="alert">{error}</p>}
    </div>
  );
}
