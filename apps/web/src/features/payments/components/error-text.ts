import { ApiError } from '../../../lib/api.ts';

/** What a failed request says, with the fields it names (these screens have no form field to put them on). */
export function errorText(err: unknown): string | null {
  if (!err) return null;
  if (err instanceof ApiError && err.fieldErrors.length) return `${err.message}: ${err.fieldErrors.map((f) => `${f.field.replace(/^(body|querystring|params)\./, '')} ${f.message}`).join('; ')}`;
  return err instanceof Error ? err.message : String(err);
}
