const countryName = new Intl.DisplayNames(['en'], { type: 'region' });

/** A company's address as trade documents print it: street lines, then postcode and city. */
export function addressLines(p: { addressLine1: string; addressLine2: string | null; postalCode: string | null; city: string }): string[] {
  return [p.addressLine1, p.addressLine2, [p.postalCode, p.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l));
}

/** A country's English name, for trade documents. */
export function countryNameOf(code: string): string {
  return countryName.of(code) ?? code;
}
