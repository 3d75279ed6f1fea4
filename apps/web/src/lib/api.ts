/** A problem+json answer from the API, with the fields it names. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(status: number, code: string, detail: string, fieldErrors: { field: string; message: string }[] = []) {
    super(detail);
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** Field errors keyed by the path inside the body: "company.name" for body.company.name. */
  byField(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.map((e) => [e.field.replace(/^(body|query|params)\./, ''), e.message]));
  }
}

let refreshing: Promise<boolean> | undefined;

/** Asks for a new access cookie once, however many requests found theirs expired. */
function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => setTimeout(() => (refreshing = undefined), 0));
  return refreshing;
}

type Options = { method?: string; body?: unknown; signal?: AbortSignal };

/**
 * Calls the API with the session cookies; renews an expired session once; throws ApiError. A body
 * is sent as JSON, or as multipart/form-data when it is a FormData (a file upload).
 */
export async function api<T>(path: string, options: Options = {}, retried = false): Promise<T> {
  const form = options.body instanceof FormData ? options.body : null;
  const json = options.body !== undefined && !form;
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    // The browser writes a form's content-type itself, with its boundary.
    headers: json ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
    body: form ?? (json ? JSON.stringify(options.body) : null),
    signal: options.signal ?? null,
  };
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'The portal cannot be reached. Check your connection and try again.');
  }
  if (res.status === 401 && !retried && !path.startsWith('/api/auth/')) {
    if (await refreshSession()) return api<T>(path, options, true);
  }
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const data = isJson ? await res.json() : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; errors?: { field: string; message: string }[] };
    throw new ApiError(res.status, p.code ?? 'HTTP_' + res.status, p.detail ?? res.statusText, p.errors);
  }
  return data as T;
}
