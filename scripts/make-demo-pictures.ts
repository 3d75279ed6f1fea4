// `pnpm tsx scripts/make-demo-pictures.ts`: draws the product pictures of the demo catalog (one
// 480 × 480 PNG per SKU, a studio-style drawing on a light background) into
// apps/api/src/demo/pictures/. The files are committed: a start needs no download and no drawing.
// Plain TypeScript: shapes tested per sample (3 × 3 per pixel for smooth edges), PNG written with
// zlib and the best filter per row.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 480;
const SS = 3;
type RGB = [number, number, number];
type Inside = (x: number, y: number) => boolean;
/** A layer: where it is, its colour, and how it is lit (a cylinder from the left, or flat). */
type Layer = { inside: Inside; color: RGB; light?: { x0: number; x1: number } };

const hex = (h: string): RGB => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

// ── Shapes, in a 0..100 square.
const rrect = (x0: number, y0: number, x1: number, y1: number, r: number): Inside => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const ellipse = (cx: number, cy: number, rx: number, ry: number): Inside => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const polygon = (pts: [number, number][]): Inside => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const minus = (a: Inside, b: Inside): Inside => (x, y) => a(x, y) && !b(x, y);
const union = (...parts: Inside[]): Inside => (x, y) => parts.some((p) => p(x, y));
const stripes = (shape: Inside, every: number, width: number): Inside => (x, y) => shape(x, y) && x % every < width;

const shadow = (cx: number, w: number, y = 88): Layer => ({ inside: ellipse(cx, y, w, 2.6), color: [0, 0, 0] });

// ── The drawings.
function bottle(body: RGB, cap: RGB, opts: { tall?: number; glass?: boolean; x?: number } = {}): Layer[] {
  const x = opts.x ?? 50;
  const top = 22 - (opts.tall ?? 0);
  const w = 13;
  const layers: Layer[] = [
    shadow(x, w + 3),
    { inside: union(rrect(x - w, top + 12, x + w, 88, 5), polygon([[x - w, top + 16], [x - 7, top + 6], [x + 7, top + 6], [x + w, top + 16]])), color: body, light: { x0: x - w, x1: x + w } },
    { inside: rrect(x - 7.5, top - 4, x + 7.5, top + 7, 2), color: cap, light: { x0: x - 7.5, x1: x + 7.5 } },
  ];
  if (opts.glass) layers.push({ inside: rrect(x - w, 52, x + w, 80, 3), color: hex('#6b7c8f'), light: { x0: x - w, x1: x + w } });
  return layers;
}

function mug(body: RGB, opts: { lid?: RGB; handle?: boolean; band?: RGB } = {}): Layer[] {
  const layers: Layer[] = [shadow(50, 24)];
  if (opts.handle) layers.push({ inside: minus(ellipse(70, 56, 13, 15), ellipse(70, 56, 7, 9)), color: body, light: { x0: 60, x1: 83 } });
  layers.push({ inside: rrect(28, 34, 70, 88, 5), color: body, light: { x0: 28, x1: 70 } });
  if (opts.band) layers.push({ inside: rrect(28, 52, 70, 66, 0), color: opts.band, light: { x0: 28, x1: 70 } });
  if (opts.lid) layers.push({ inside: rrect(26, 28, 72, 37, 3), color: opts.lid, light: { x0: 26, x1: 72 } });
  return layers;
}

function tumbler(body: RGB, lid: RGB): Layer[] {
  return [
    shadow(50, 16),
    { inside: polygon([[36, 26], [64, 26], [58, 88], [42, 88]]), color: body, light: { x0: 36, x1: 64 } },
    { inside: rrect(34, 22, 66, 29, 2.5), color: lid, light: { x0: 34, x1: 66 } },
    { inside: polygon([[55, 23], [58, 23], [66, 6], [63, 5]]), color: hex('#e2e8ee'), light: { x0: 55, x1: 66 } },
  ];
}

function knifeBlock(): Layer[] {
  const wood = hex('#b07a45');
  const handle = hex('#26282c');
  const layers: Layer[] = [shadow(52, 26)];
  [[34, 10], [42, 6], [50, 3], [58, 7], [66, 12]].forEach(([x, h]) => {
    layers.push({ inside: polygon([[x! - 3, 44], [x! + 3, 44], [x! + 4.5 - h! / 6, 16 + h!], [x! - 1.5 - h! / 6, 14 + h!]]), color: handle, light: { x0: x! - 4, x1: x! + 4 } });
  });
  layers.push({ inside: polygon([[26, 40], [74, 34], [80, 88], [30, 88]]), color: wood, light: { x0: 26, x1: 80 } });
  return layers;
}

function board(): Layer[] {
  const shape = minus(union(rrect(20, 24, 80, 86, 6), rrect(42, 12, 58, 28, 6)), ellipse(50, 19, 3.2, 3.2));
  return [shadow(50, 30), { inside: shape, color: hex('#d3a46a'), light: { x0: 20, x1: 80 } }, { inside: stripes(minus(rrect(22, 26, 78, 84, 5), ellipse(50, 19, 4, 4)), 7, 1.1), color: hex('#b8864c') }];
}

function utensils(): Layer[] {
  const silicone = hex('#d2553f');
  const wood = hex('#c89b66');
  const layers: Layer[] = [shadow(50, 28)];
  const tool = (x: number, head: Inside) => {
    layers.push({ inside: rrect(x - 2.2, 38, x + 2.2, 88, 2), color: wood, light: { x0: x - 2.2, x1: x + 2.2 } });
    layers.push({ inside: head, color: silicone, light: { x0: x - 8, x1: x + 8 } });
  };
  tool(32, rrect(25, 12, 39, 40, 4));
  tool(50, ellipse(50, 24, 9, 11));
  tool(68, union(rrect(62, 12, 74, 40, 5), rrect(61, 12, 75, 16, 2)));
  return layers;
}

const teeOutline = (longSleeves: boolean): [number, number][] =>
  longSleeves
    ? [[38, 14], [44, 18], [56, 18], [62, 14], [80, 22], [92, 74], [82, 78], [74, 40], [74, 90], [26, 90], [26, 40], [18, 78], [8, 74], [20, 22]]
    : [[38, 14], [44, 18], [56, 18], [62, 14], [80, 22], [92, 38], [82, 46], [74, 40], [74, 90], [26, 90], [26, 40], [18, 46], [8, 38], [20, 22]];

function tee(color: RGB, opts: { polo?: boolean; hood?: boolean } = {}): Layer[] {
  const layers: Layer[] = [{ inside: polygon(teeOutline(Boolean(opts.hood))), color, light: { x0: 8, x1: 92 } }];
  const darker: RGB = [color[0] * 0.8, color[1] * 0.8, color[2] * 0.8];
  if (opts.hood) {
    layers.unshift({ inside: ellipse(50, 16, 15, 11), color: darker, light: { x0: 35, x1: 65 } });
    layers.push({ inside: rrect(36, 62, 64, 78, 3), color: darker });
  } else {
    layers.push({ inside: minus(ellipse(50, 15, 8, 6), ellipse(50, 12, 7, 5)), color: darker });
  }
  if (opts.polo) {
    layers.push({ inside: polygon([[40, 14], [50, 24], [44, 28]]), color: hex('#f1f3f5') }, { inside: polygon([[60, 14], [50, 24], [56, 28]]), color: hex('#f1f3f5') });
    layers.push({ inside: rrect(48.5, 22, 51.5, 38, 1), color: darker });
  }
  return layers;
}

function towels(): Layer[] {
  const colors = ['#f4efe6', '#9cc4d8', '#f4efe6', '#c9d8b8'].map(hex);
  const layers: Layer[] = [shadow(50, 34)];
  colors.forEach((c, i) => {
    const y = 74 - i * 14;
    layers.push({ inside: rrect(18, y, 82, y + 14, 6), color: c, light: { x0: 18, x1: 82 } });
    layers.push({ inside: rrect(18, y + 9, 82, y + 11, 0), color: [c[0] * 0.88, c[1] * 0.88, c[2] * 0.88] });
  });
  return layers;
}

function apron(): Layer[] {
  const canvas = hex('#7d8b6a');
  return [
    { inside: minus(ellipse(50, 16, 9, 10), ellipse(50, 16, 6.5, 7.5)), color: hex('#3d3a35') },
    { inside: polygon([[38, 20], [62, 20], [64, 40], [76, 46], [74, 92], [26, 92], [24, 46], [36, 40]]), color: canvas, light: { x0: 24, x1: 76 } },
    { inside: rrect(33, 56, 67, 72, 2), color: [canvas[0] * 0.85, canvas[1] * 0.85, canvas[2] * 0.85] },
    { inside: rrect(49.5, 56, 50.5, 72, 0), color: [canvas[0] * 0.6, canvas[1] * 0.6, canvas[2] * 0.6] },
    { inside: polygon([[24, 46], [10, 52], [10, 55], [25, 50]]), color: hex('#3d3a35') },
    { inside: polygon([[76, 46], [90, 52], [90, 55], [75, 50]]), color: hex('#3d3a35') },
  ];
}

function tote(): Layer[] {
  const cotton = hex('#eadfca');
  return [
    shadow(50, 30),
    { inside: minus(ellipse(40, 32, 8, 22), ellipse(40, 32, 5.5, 19.5)), color: [cotton[0] * 0.85, cotton[1] * 0.85, cotton[2] * 0.85] },
    { inside: minus(ellipse(60, 32, 8, 22), ellipse(60, 32, 5.5, 19.5)), color: [cotton[0] * 0.85, cotton[1] * 0.85, cotton[2] * 0.85] },
    { inside: rrect(22, 36, 78, 88, 2), color: cotton, light: { x0: 22, x1: 78 } },
    { inside: ellipse(50, 62, 11, 11), color: hex('#2f6f8f') },
  ];
}

const steel = hex('#b9c2ca');
const pictures: Record<string, { background: string; layers: Layer[] }> = {
  'DW-BTL-500': { background: '#eef3f7', layers: bottle(hex('#2f6f8f'), hex('#2b2f33')) },
  'DW-BTL-750': { background: '#f2f0ea', layers: bottle(steel, hex('#30343a'), { tall: 6 }) },
  'DW-FLK-1000': { background: '#eef2ef', layers: bottle(hex('#3f6b4f'), steel, { tall: 10 }) },
  'DW-BTL-GL600': { background: '#f1f5f4', layers: bottle(hex('#d8ece9'), hex('#c89b66'), { glass: true }) },
  'DW-MUG-350': { background: '#f4efea', layers: mug(hex('#8f3b3b'), { lid: hex('#2b2f33') }) },
  'DW-TMB-600': { background: '#eef1f6', layers: tumbler(hex('#d9a441'), hex('#f1f3f5')) },
  'DW-MUG-CER': { background: '#eef3f7', layers: mug(hex('#f6f6f2'), { handle: true, band: hex('#2f6f8f') }) },
  'KT-KNF-SET5': { background: '#f2efe9', layers: knifeBlock() },
  'KT-BRD-BMB': { background: '#eef2ef', layers: board() },
  'KT-UTN-SIL6': { background: '#f4f1ec', layers: utensils() },
  'TX-TEE-180': { background: '#eef1f6', layers: tee(hex('#2f4f7f')) },
  'TX-TEE-ORG': { background: '#f1f4ee', layers: tee(hex('#e9e4d6')) },
  'TX-POLO-220': { background: '#eef3f7', layers: tee(hex('#1f2f4f'), { polo: true }) },
  'TX-HOOD-320': { background: '#f2f0ea', layers: tee(hex('#6f7780'), { hood: true }) },
  'TX-TWL-BATH': { background: '#eef2f4', layers: towels() },
  'TX-APR-CNV': { background: '#f4f1ec', layers: apron() },
  'TX-BAG-TOTE': { background: '#eef1f6', layers: tote() },
};

/** RGB pixels of one picture: every layer over the background, 3 × 3 samples per pixel. */
function render(background: RGB, layers: Layer[]): Buffer {
  const px = Buffer.alloc(SIZE * SIZE * 3);
  const scale = 100 / SIZE;
  for (let py = 0; py < SIZE; py++) {
    for (let pxX = 0; pxX < SIZE; pxX++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxX + (sx + 0.5) / SS) * scale;
          const y = (py + (sy + 0.5) / SS) * scale;
          let c: RGB = background;
          for (const layer of layers) {
            if (!layer.inside(x, y)) continue;
            if (layer.color[0] === 0 && layer.color[1] === 0 && layer.color[2] === 0) {
              c = [c[0] * 0.86, c[1] * 0.86, c[2] * 0.86]; // a shadow darkens what is below
              continue;
            }
            let k = 1;
            if (layer.light) {
              const t = (x - layer.light.x0) / (layer.light.x1 - layer.light.x0);
              k = 0.78 + 0.3 * Math.cos(Math.min(Math.abs(t - 0.32) * 2.2, Math.PI / 2) * 1.0) + (Math.abs(t - 0.32) < 0.05 ? 0.08 : 0);
            }
            c = [Math.min(255, layer.color[0] * k), Math.min(255, layer.color[1] * k), Math.min(255, layer.color[2] * k)];
          }
          r += c[0]; g += c[1]; b += c[2];
        }
      }
      const n = SS * SS;
      const o = (py * SIZE + pxX) * 3;
      // Quantised a little: fewer distinct values compress better and look the same.
      const q = (v: number) => Math.min(254, Math.round(v / n / 2) * 2);
      px[o] = q(r); px[o + 1] = q(g); px[o + 2] = q(b);
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG; each row with whichever of the five filters gives the smallest sum. */
function png(rgb: Buffer): Buffer {
  const stride = SIZE * 3;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let best: Buffer | null = null;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const out = Buffer.alloc(stride + 1);
      out[0] = f;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 3 ? row[i - 3]! : 0;
        const b = up[i]!;
        const c = i >= 3 ? up[i - 3]! : 0;
        const p = a + b - c;
        const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][f]!;
        const v = (row[i]! - pred) & 0xff;
        out[i + 1] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) [best, bestScore] = [out, score];
    }
    rows.push(best!);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/api/src/demo/pictures');
mkdirSync(out, { recursive: true });
let total = 0;
for (const [sku, p] of Object.entries(pictures)) {
  const file = png(render(hex(p.background), p.layers));
  writeFileSync(path.join(out, `${sku}.png`), file);
  total += file.length;
  console.log(`${sku}.png ${(file.length / 1024).toFixed(1)} KB`);
}
console.log(`${Object.keys(pictures).length} pictures, ${(total / 1024).toFixed(0)} KB in all`);
