// fontkit ships no types; the page uses it only to ask which characters the Chinese face covers.
declare module 'fontkit' {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
  export function create(buffer: Buffer, postscriptName?: string): Font | { fonts: Font[] };
}
