import { useId, type ComponentProps, type ReactNode } from 'react';
import { get, useForm, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ApiError } from '../lib/api.ts';
import { errorText, fieldErrorText } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
};

/** A labelled control with its hint and error, wired for screen readers. */
export function Field({ label, error: raw, hint, optional, children }: FieldProps) {
  const id = useId();
  const { t } = useI18n();
  const error = raw ? fieldErrorText(raw, undefined, t) : raw;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && !error && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field__error" role="alert">{error}</p>}
    </div>
  );
}

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & { label: string; error?: string | undefined; hint?: string; optional?: boolean };

/** A labelled input; takes react-hook-form's `register(…)` props (the ref included) like any input's. */
export function TextField({ label, error, hint, optional, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint ?? ''} optional={optional ?? false}>
      {(a11y) => <input {...input} {...a11y} />}
    </Field>
  );
}

type SelectFieldProps = Omit<ComponentProps<'select'>, 'id'> & { label: string; error?: string | undefined; optional?: boolean; children: ReactNode };

export function SelectField({ label, error, optional, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} error={error} optional={optional ?? false}>
      {(a11y) => (
        <select {...select} {...a11y}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextAreaFieldProps = Omit<ComponentProps<'textarea'>, 'id'> & { label: string; error?: string | undefined; hint?: string; optional?: boolean };

export function TextAreaField({ label, error, hint, optional, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint ?? ''} optional={optional ?? false}>
      {(a11y) => <textarea {...textarea} {...a11y} />}
    </Field>
  );
}

/** An object schema from @portal/schemas: what a form's values are checked with. */
type FormSchema = z.ZodType<FieldValues, FieldValues>;

type SchemaFormOptions<S extends FormSchema> = Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> & {
  /** The reader's words for a field's error, where the schema's English would not do. */
  messages?: Partial<Record<Path<z.input<S>>, string>>;
};

/**
 * A react-hook-form form checked in the browser with the API's own zod schema, so nothing the API
 * would refuse is sent; the submit handler gets the schema's output (trimmed, defaulted, normalised).
 */
export function useSchemaForm<S extends FormSchema>(schema: S, { messages, ...options }: SchemaFormOptions<S> = {}): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const checked = zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = messages
    ? async (values, context, opts) => {
        const result = await checked(values, context, opts);
        for (const [field, message] of Object.entries(messages) as [string, string | undefined][]) {
          const error = get(result.errors, field) as { message?: string } | undefined;
          if (error && message) error.message = message;
        }
        return result;
      }
    : checked;
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver });
}

/** A field's error message, also for a whole list (`lines`) whose own error sits on its `root`. */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  const error = get(errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' && message ? message : undefined;
}

/** Puts the API's field errors (problem+json `errors[]`) beside the fields they name. */
export function showServerErrors<T extends FieldValues>(setError: UseFormReturn<T, unknown, FieldValues>['setError'], err: unknown): void {
  if (!(err instanceof ApiError)) return;
  for (const [field, message] of Object.entries(err.byField())) setError(field as Path<T>, { type: 'server', message });
}

/** What to say above the submit button about a failed request (FormAlert words it): nothing when its fields say it. */
export function requestError(err: unknown): Error | null {
  if (!err) return null;
  if (err instanceof ApiError && err.fieldErrors.length) return null;
  return err instanceof Error ? err : new Error(String(err));
}

/** For `register(name, { setValueAs })`: an empty optional field is absent, not an empty string. */
export const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** For `register(name, { setValueAs })`: a number input left empty is absent; anything else is its number. */
export const optionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

/**
 * The form's own message above the submit button: what went wrong as a whole. A failed request
 * (an Error) is worded for the reader (errors.ts), never shown with the API's developer text.
 */
export function FormAlert({ message, tone = 'error' }: { message?: string | Error | null | undefined; tone?: 'error' | 'success' }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {typeof message === 'string' ? message : errorText(message, t)}
    </div>
  );
}
