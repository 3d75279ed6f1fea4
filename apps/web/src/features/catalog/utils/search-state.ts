/** Reading and changing the catalog search state, which lives in the URL. */
export const listFacets = ['origin', 'material', 'cert', 'incoterm'] as const;
export type ListFacet = (typeof listFacets)[number];

export function toggleValue(params: URLSearchParams, key: ListFacet, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(key);
  next.delete(key);
  for (const v of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) next.append(key, v);
  next.delete('page');
  return next;
}

export function setValue(params: URLSearchParams, key: string, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, value);
  if (key !== 'page') next.delete('page');
  return next;
}

/** Only the parameters the API knows travel to it; a stray one in a pasted link is dropped. */
export function apiSearch(params: URLSearchParams): string {
  const allowed = new Set(['q', 'category', 'origin', 'material', 'cert', 'incoterm', 'moqMax', 'priceMin', 'priceMax', 'leadMax', 'supplier', 'sort', 'page']);
  const out = new URLSearchParams();
  for (const [k, v] of params) if (allowed.has(k) && v !== '') out.append(k, v);
  return out.toString();
}
