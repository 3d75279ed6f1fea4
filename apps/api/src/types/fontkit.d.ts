// fontkit ships no types; the page parses the Chinese faces with it once (pdfkit embeds them) and
// asks which characters they cover.
declare module 'fontkit' {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean; layout(text: string): unknown };
  export function create(buffer: Buffer, postscriptName?: string): Font | { fonts: Font[] };
}
