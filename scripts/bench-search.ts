// `pnpm bench:search`: how fast is product search with 100,000 products? It generates the catalog
// into a fresh PostgreSQL database (127.0.0.1:5432, dropped at the end) and an embedded Meilisearch
// (temp folder, removed at the end), indexes it with the portal's own rebuild, starts the real app
// on 127.0.0.1, and runs one fixed query mix (words, phrases, typos, filters, facets, sorts) against
//   (a) the portal: GET /api/catalog/search, as an approved buyer, over HTTP keep-alive;
//   (b) Meilisearch directly: the same searchProducts() call the API makes (one multi-search through
//       the official client), so the ratio a/b is what the portal adds.
// Latency is measured one request at a time, throughput at 16 and 64 concurrent connections in
// alternating windows (endpoint, direct, direct, endpoint, …), so that a change in the machine's
// load during the run weighs on both targets alike. The load runs in a worker thread so it does not
// share the app's event loop. Everything is bounded: THROUGHPUT_WINDOWS windows of WINDOW_SECONDS
// per target and concurrency, and the whole run is killed after HARD_LIMIT_MS. Targets (issue 3): endpoint p95 ≤ 15 ms in sequence; throughput ≥ 85 % of direct.
//
// Environment: BENCH_PG_URL (a maintenance database on the server, default
// postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PRODUCTS (default 100000), BENCH_CPU_PROFILE (a file
// name: writes a V8 CPU profile of the app's thread during the 16-connection windows, for
// chrome://inspect or `node scripts/cpuprofile-top.mjs <file>`).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { createSearchClient, searchProducts, type ProductSearchQuery, type ProductSort } from '../packages/search/src/index.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const INSERT_BATCH = 1_000;
const SEQUENTIAL_ROUNDS = 30; // × the mix, per target
const WARMUP_ROUNDS = 3;
const THROUGHPUT_WINDOWS = 5; // per target and concurrency
const WINDOW_SECONDS = 2;
const THROUGHPUT_WARMUP_SECONDS = 1; // per target and concurrency, before the windows
const CONCURRENCY = [16, 64];
const REQUEST_TIMEOUT_MS = 10_000;
const HARD_LIMIT_MS = 20 * 60_000;

// ── The fixed query mix, as a buyer's URL would carry it ─────────────────────────────────────────

type MixQuery = {
  label: string;
  q?: string; category?: string; origin?: string[]; material?: string[]; cert?: string[]; incoterm?: string[];
  moqMax?: number; priceMin?: number; priceMax?: number; leadMax?: number; sort?: ProductSort; page?: number; pageSize?: number;
};

const MIX: MixQuery[] = [
  { label: 'words', q: 'cotton t-shirt' },
  { label: 'words', q: 'stainless steel bottle' },
  { label: 'typos', q: 'cottn tshirt' },
  { label: 'typos', q: 'stainles steel bottel' },
  { label: 'typo + facet', q: 'vacum flask', cert: ['LFGB'] },
  { label: 'phrase', q: '"crew neck"' },
  { label: 'phrase + sort', q: '"double wall" tumbler', sort: 'price_asc' },
  { label: 'word + 2 origins + sort', q: 'hoodie', origin: ['CN', 'VN'], sort: 'lead_time' },
  { label: 'words + material + moq', q: 'tote bag', material: ['Cotton canvas'], moqMax: 2000 },
  { label: 'word + category + cert + price', q: 'mug', category: 'mugs', cert: ['FDA'], priceMax: 3 },
  { label: 'word + category + 2 certs + incoterm', q: 'organic', category: 'apparel', cert: ['GOTS', 'OEKO-TEX Standard 100'], incoterm: ['FOB'] },
  { label: 'word + newest, page 2', q: 'bamboo', sort: 'newest', page: 2 },
  { label: 'words + lead + price range', q: 'knife set', leadMax: 30, priceMin: 2, priceMax: 10 },
  { label: 'browse category', category: 'drinkware' },
  { label: 'browse category + origin + sort', category: 'textiles', origin: ['IN'], sort: 'price_desc' },
  { label: 'synonym, page 3 of 48', q: 'tee', page: 3, pageSize: 48 },
  { label: 'Chinese', q: '保温杯' },
  { label: 'word + material + incoterm + sort', q: 'silicone', material: ['Food-grade silicone'], incoterm: ['CIF'], sort: 'price_asc' },
  { label: 'words + numbers', q: 'bath towel 70 x 140' },
  { label: 'prefix + cert + lead', q: 'insul', cert: ['FDA'], leadMax: 40, pageSize: 12 },
];

function toUrl(base: string, m: MixQuery): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(m)) {
    if (key === 'label' || value === undefined) continue;
    for (const v of [value].flat()) qs.append(key, String(v));
  }
  return `${base}/api/catalog/search?${qs}`;
}

/** What the products service passes to searchProducts for this URL and an approved buyer. */
function toSearchQuery(m: MixQuery): ProductSearchQuery {
  return {
    q: (m.q ?? '').trim(),
    filters: {
      category: m.category, origin: m.origin, material: m.material, certifications: m.cert, incoterms: m.incoterm,
      moqMax: m.moqMax, priceMin: m.priceMin, priceMax: m.priceMax, leadTimeMax: m.leadMax, supplierId: undefined,
    },
    sort: m.sort ?? 'relevance',
    page: m.page ?? 1,
    pageSize: m.pageSize ?? 24,
  };
}

// ── Statistics ───────────────────────────────────────────────────────────────────────────────────

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

type Latency = { n: number; p50: number; p95: number; p99: number; max: number };
function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s.at(-1) ?? NaN };
}

// ── The load generator (worker thread) ───────────────────────────────────────────────────────────

type Target = 'endpoint' | 'direct';
const TARGETS: readonly Target[] = ['endpoint', 'direct'];
type WorkerInput = { portalUrl: string; cookie: string; meiliUrl: string; searchKey: string; uid: string };
type WorkerMessage =
  | { type: 'check'; rows: { label: string; endpointTotal: number; directTotal: number }[] }
  | { type: 'sequential'; target: Target; overall: Latency; perQuery: number[] }
  | { type: 'phase-start'; connections: number }
  /** A measured window for one target starts or ends now. */
  | { type: 'window-start'; target: Target; connections: number }
  | { type: 'window-end'; target: Target; connections: number }
  | { type: 'throughput'; target: Target; connections: number; requests: number; errors: number; seconds: number; latency: Latency; loadCpuMs: number }
  | { type: 'phase-end'; connections: number }
  | { type: 'done' }
  | { type: 'failed'; error: string };

async function loadWorker(input: WorkerInput): Promise<void> {
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  const urls = MIX.map((m) => toUrl(input.portalUrl, m));
  const paths = urls.map((u) => {
    const { pathname, search } = new URL(u);
    return pathname + search;
  });
  const queries = MIX.map(toSearchQuery);
  // The same client as the API's engine (undici Pool, identity encoding, search-only key).
  const client = createSearchClient({ host: input.meiliUrl, apiKey: input.searchKey, timeoutMs: REQUEST_TIMEOUT_MS });
  const headers = { cookie: input.cookie };
  // The endpoint through the same kind of transport, so neither side pays for global fetch: keep-alive
  // connections enough for the highest concurrency, no pipelining, the same 10 s bound per request.
  const portal = new Pool(new URL(input.portalUrl).origin, {
    connections: Math.max(...CONCURRENCY),
    pipelining: 1,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });

  async function endpoint(i: number): Promise<number> {
    const res = await portal.request({ path: paths[i]!, method: 'GET', headers });
    // Like wrk, the load only reads the bytes; the check above has read the answers themselves.
    const body = await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`${urls[i]} answered ${res.statusCode}: ${Buffer.from(body).toString('utf8', 0, 300)}`);
    return body.byteLength;
  }
  async function direct(i: number): Promise<number> {
    const result = await searchProducts(client, input.uid, queries[i]!);
    return result.total;
  }
  const run = (target: Target, i: number) => (target === 'endpoint' ? endpoint(i) : direct(i));

  // Both sides must do the same work: same totals, no degraded answers.
  const rows = [];
  for (let i = 0; i < MIX.length; i++) {
    const res = await fetch(urls[i]!, { headers });
    const body = (await res.json()) as { total: number; degraded: boolean; pricesVisible: boolean };
    if (res.status !== 200 || body.degraded || !body.pricesVisible) throw new Error(`check failed for ${urls[i]}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    rows.push({ label: MIX[i]!.label, endpointTotal: body.total, directTotal: await direct(i) });
  }
  post({ type: 'check', rows });

  for (const target of ['endpoint', 'direct'] as const) {
    for (let r = 0; r < WARMUP_ROUNDS; r++) for (let i = 0; i < MIX.length; i++) await run(target, i);
    const all: number[] = [];
    const perQuery: number[][] = MIX.map(() => []);
    for (let r = 0; r < SEQUENTIAL_ROUNDS; r++) {
      for (let i = 0; i < MIX.length; i++) {
        const t0 = performance.now();
        await run(target, i);
        const ms = performance.now() - t0;
        all.push(ms);
        perQuery[i]!.push(ms);
      }
    }
    post({ type: 'sequential', target, overall: latency(all), perQuery: perQuery.map((s) => latency(s).p50) });
  }

  for (const connections of CONCURRENCY) {
    post({ type: 'phase-start', connections });
    const totals = Object.fromEntries(TARGETS.map((t) => [t, { requests: 0, errors: 0, seconds: 0, loadCpuMs: 0, samples: [] as number[] }])) as Record<Target, { requests: number; errors: number; seconds: number; loadCpuMs: number; samples: number[] }>;
    const window = async (target: Target, seconds: number, measured: boolean) => {
      const total = totals[target];
      let next = 0;
      const started = performance.now();
      const end = started + seconds * 1000;
      const cpu0 = process.threadCpuUsage();
      if (measured) post({ type: 'window-start', target, connections });
      const loop = async () => {
        while (performance.now() < end) {
          const i = next++ % MIX.length;
          const t0 = performance.now();
          try {
            await run(target, i);
            if (measured) {
              total.requests += 1;
              total.samples.push(performance.now() - t0);
            }
          } catch {
            if (measured) total.errors += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: connections }, loop));
      if (!measured) return;
      post({ type: 'window-end', target, connections });
      // Requests started before `end` may finish after it; count the time they actually took.
      total.seconds += (performance.now() - started) / 1000;
      const used = process.threadCpuUsage(cpu0);
      total.loadCpuMs += (used.user + used.system) / 1000;
    };
    for (const target of TARGETS) await window(target, THROUGHPUT_WARMUP_SECONDS, false);
    for (let w = 0; w < THROUGHPUT_WINDOWS; w++) {
      for (const target of w % 2 === 0 ? TARGETS : [...TARGETS].reverse()) await window(target, WINDOW_SECONDS, true);
    }
    for (const target of TARGETS) {
      const { samples, ...t } = totals[target];
      post({ type: 'throughput', target, connections, ...t, latency: latency(samples) });
    }
    post({ type: 'phase-end', connections });
  }
  await portal.close();
  post({ type: 'done' });
}

// ── Catalog generation ───────────────────────────────────────────────────────────────────────────

/** A small deterministic PRNG (mulberry32), so every run indexes the same catalog. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], max: number): T[] => items.filter(() => next() < max / Math.max(1, items.length)),
  };
}

type Pair = readonly [en: string, zh: string];
/** A base material: its words in the name, the material field, and the certificates it may carry. */
type Stuff = readonly [en: string, zh: string, material: string, certs: readonly string[]];
type Kind = {
  code: string; category: string; hs: string; unit: 'pc' | 'set'; price: [number, number]; weightKg: [number, number];
  stuff: readonly Stuff[]; styles: readonly Pair[]; variants: readonly Pair[];
};

const kinds: Kind[] = [
  {
    code: 'TS', category: 'apparel', hs: '6109100021', unit: 'pc', price: [1.6, 4.8], weightKg: [15, 21],
    stuff: [
      ['Cotton', '全棉', '100% combed cotton', ['OEKO-TEX Standard 100', 'BSCI']], ['Organic cotton', '有机棉', '100% organic cotton', ['GOTS', 'OEKO-TEX Standard 100']],
      ['Heavyweight cotton', '重磅全棉', '100% cotton', ['OEKO-TEX Standard 100']], ['Slub cotton', '竹节棉', 'Slub cotton', ['BSCI']],
      ['Bamboo viscose', '竹纤维', 'Bamboo viscose', ['OEKO-TEX Standard 100']], ['Recycled polyester', '再生涤纶', 'Recycled polyester', ['GRS']],
      ['Quick-dry polyester', '速干涤纶', 'Polyester', ['BSCI']], ['Kids cotton', '儿童全棉', '100% cotton', ['OEKO-TEX Standard 100']],
    ],
    styles: [['crew neck T-shirt', '圆领T恤'], ['V-neck T-shirt', 'V领T恤'], ['pocket T-shirt', '口袋T恤'], ['long sleeve T-shirt', '长袖T恤'], ['oversized T-shirt', '宽松T恤']],
    variants: [['160 g/m²', '160克'], ['180 g/m²', '180克'], ['200 g/m²', '200克'], ['220 g/m²', '220克']],
  },
  {
    code: 'HD', category: 'apparel', hs: '6110209000', unit: 'pc', price: [5.5, 13], weightKg: [16, 22],
    stuff: [['Cotton fleece', '全棉抓绒', '80% cotton / 20% polyester', ['OEKO-TEX Standard 100', 'BSCI']], ['Organic cotton', '有机棉', '100% organic cotton', ['GOTS']], ['French terry', '毛圈', 'Cotton French terry', ['OEKO-TEX Standard 100']], ['Recycled polyester', '再生涤纶', 'Recycled polyester fleece', ['GRS']]],
    styles: [['pullover hoodie', '套头卫衣'], ['zip-up hoodie', '拉链卫衣'], ['crewneck sweatshirt', '圆领卫衣'], ['kids hoodie', '儿童卫衣']],
    variants: [['280 g/m²', '280克'], ['320 g/m²', '320克'], ['360 g/m²', '360克'], ['400 g/m²', '400克']],
  },
  {
    code: 'PL', category: 'apparel', hs: '6105100000', unit: 'pc', price: [3.2, 6.5], weightKg: [14, 18],
    stuff: [['Cotton piqué', '全棉珠地', '100% cotton piqué', ['OEKO-TEX Standard 100', 'BSCI']], ['Polyester', '涤纶', 'Polyester piqué', ['BSCI']], ['Bamboo', '竹纤维', 'Bamboo cotton blend', ['OEKO-TEX Standard 100']]],
    styles: [['polo shirt', 'POLO衫'], ['golf polo shirt', '高尔夫POLO衫'], ['long sleeve polo shirt', '长袖POLO衫']],
    variants: [['200 g/m²', '200克'], ['220 g/m²', '220克'], ['240 g/m²', '240克']],
  },
  {
    code: 'TW', category: 'home-textiles', hs: '6302600000', unit: 'pc', price: [0.8, 6], weightKg: [16, 24],
    stuff: [['Cotton', '全棉', '100% cotton terry', ['OEKO-TEX Standard 100']], ['Organic cotton', '有机棉', '100% organic cotton terry', ['GOTS']], ['Bamboo', '竹纤维', 'Bamboo viscose terry', ['OEKO-TEX Standard 100']], ['Microfibre', '超细纤维', 'Microfibre', ['GRS']]],
    styles: [['bath towel', '浴巾'], ['hand towel', '毛巾'], ['beach towel', '沙滩巾'], ['kitchen towel', '厨房毛巾'], ['gym towel', '运动毛巾']],
    variants: [['70 x 140 cm', '70×140厘米'], ['50 x 100 cm', '50×100厘米'], ['35 x 75 cm', '35×75厘米'], ['80 x 160 cm', '80×160厘米']],
  },
  {
    code: 'AP', category: 'home-textiles', hs: '6211429000', unit: 'pc', price: [1.5, 4.5], weightKg: [15, 23],
    stuff: [['Canvas', '帆布', 'Cotton canvas', ['BSCI']], ['Denim', '牛仔', 'Cotton denim', ['BSCI', 'SEDEX']], ['Linen', '亚麻', 'Linen cotton blend', ['OEKO-TEX Standard 100']]],
    styles: [['kitchen apron', '厨房围裙'], ['bib apron', '挂脖围裙'], ['waist apron', '半身围裙'], ['barista apron', '咖啡师围裙']],
    variants: [['with pockets', '带口袋'], ['adjustable strap', '可调肩带'], ['custom print', '可定制印刷']],
  },
  {
    code: 'TB', category: 'tote-bags', hs: '4202220000', unit: 'pc', price: [0.4, 2.8], weightKg: [14, 20],
    stuff: [['Cotton canvas', '全棉帆布', 'Cotton canvas', ['OEKO-TEX Standard 100']], ['Cotton', '全棉', '100% cotton 140 g/m²', ['OEKO-TEX Standard 100']], ['Jute', '黄麻', 'Jute', []], ['Recycled PET', '再生PET', 'Recycled polyester', ['GRS']], ['Non-woven', '无纺布', 'Non-woven polypropylene', []]],
    styles: [['tote bag', '手提袋'], ['shopping bag', '购物袋'], ['foldable tote bag', '折叠购物袋'], ['drawstring bag', '抽绳袋']],
    variants: [['38 x 42 cm', '38×42厘米'], ['with gusset', '带底插'], ['long handles', '长提手'], ['zip closure', '拉链']],
  },
  {
    code: 'BP', category: 'backpacks', hs: '4202920000', unit: 'pc', price: [3.5, 14], weightKg: [10, 16],
    stuff: [['Polyester', '涤纶', '600D polyester', ['BSCI']], ['Recycled PET', '再生PET', 'Recycled polyester', ['GRS']], ['Canvas', '帆布', 'Cotton canvas', []], ['Nylon', '尼龙', 'Ripstop nylon', ['BSCI']]],
    styles: [['laptop backpack', '电脑背包'], ['school backpack', '书包'], ['travel backpack', '旅行背包'], ['rolltop backpack', '卷口背包']],
    variants: [['15.6 inch', '15.6英寸'], ['20 L', '20升'], ['30 L', '30升'], ['water resistant', '防泼水']],
  },
  {
    code: 'BT', category: 'bottles', hs: '9617001100', unit: 'pc', price: [1.4, 7], weightKg: [12, 18],
    stuff: [['Stainless steel', '不锈钢', '18/8 stainless steel', ['LFGB', 'FDA']], ['Insulated stainless steel', '保温不锈钢', '304 stainless steel', ['LFGB', 'FDA']], ['Borosilicate glass', '高硼硅玻璃', 'Borosilicate glass', ['LFGB']], ['Tritan', 'Tritan', 'Tritan copolyester', ['BPA-free', 'FDA']], ['Aluminium', '铝', 'Aluminium', ['LFGB']]],
    styles: [['water bottle', '水瓶'], ['sports bottle', '运动水瓶'], ['vacuum bottle', '真空保温瓶'], ['double wall bottle', '双层水瓶'], ['kids bottle', '儿童水瓶']],
    variants: [['350 ml', '350毫升'], ['500 ml', '500毫升'], ['750 ml', '750毫升'], ['1 L', '1升']],
  },
  {
    code: 'FL', category: 'bottles', hs: '9617001900', unit: 'pc', price: [2.2, 8], weightKg: [12, 17],
    stuff: [['Stainless steel', '不锈钢', '304 stainless steel', ['LFGB', 'FDA']], ['Titanium', '钛', 'Titanium', ['LFGB']], ['Leather wrapped', '皮革包裹', 'Stainless steel, leather', []]],
    styles: [['vacuum flask', '真空保温壶'], ['hip flask', '酒壶'], ['food flask', '焖烧罐'], ['coffee flask', '咖啡保温壶']],
    variants: [['500 ml', '500毫升'], ['1 L', '1升'], ['8 oz', '8盎司'], ['with cup lid', '带杯盖']],
  },
  {
    code: 'MG', category: 'mugs', hs: '6912001000', unit: 'pc', price: [0.7, 4.5], weightKg: [11, 16],
    stuff: [['Ceramic', '陶瓷', 'Stoneware', ['FDA']], ['Porcelain', '瓷', 'Porcelain', ['LFGB']], ['Enamel', '搪瓷', 'Enamel on steel', []], ['Insulated', '保温', '304 stainless steel', ['FDA']], ['Glass', '玻璃', 'Borosilicate glass', ['LFGB']]],
    styles: [['coffee mug', '咖啡杯'], ['travel mug', '旅行杯'], ['camping mug', '露营杯'], ['tea mug with lid', '带盖茶杯'], ['latte mug', '拿铁杯']],
    variants: [['250 ml', '250毫升'], ['330 ml', '330毫升'], ['350 ml', '350毫升'], ['450 ml', '450毫升'], ['custom print', '可定制印刷']],
  },
  {
    code: 'TM', category: 'mugs', hs: '7323930000', unit: 'pc', price: [1.8, 5.5], weightKg: [12, 17],
    stuff: [['Stainless steel', '不锈钢', '304 stainless steel', ['FDA', 'LFGB']], ['Double wall', '双层', '304 stainless steel', ['FDA']], ['Glass', '玻璃', 'Borosilicate glass', ['LFGB']], ['Bamboo fibre', '竹纤维', 'Bamboo fibre, melamine-free', ['LFGB']]],
    styles: [['tumbler with straw', '带吸管随行杯'], ['tumbler with lid', '带盖随行杯'], ['wine tumbler', '红酒杯'], ['car cup', '车载杯']],
    variants: [['350 ml', '350毫升'], ['600 ml', '600毫升'], ['900 ml', '900毫升'], ['1.2 L', '1.2升']],
  },
  {
    code: 'KN', category: 'knives', hs: '8211100000', unit: 'set', price: [2.5, 15], weightKg: [8, 12],
    stuff: [['Stainless steel', '不锈钢', '3Cr13 stainless steel', ['LFGB']], ['Damascus', '大马士革', 'Damascus steel', ['LFGB']], ['Ceramic', '陶瓷', 'Zirconia ceramic', ['FDA']], ['German steel', '德国钢', 'X50CrMoV15 steel', ['LFGB']]],
    styles: [['kitchen knife set', '厨房刀具套装'], ['chef knife set', '厨师刀套装'], ['steak knife set', '牛排刀套装'], ['knife block set', '刀座套装']],
    variants: [['3 pieces', '三件套'], ['5 pieces', '五件套'], ['6 pieces', '六件套'], ['with block', '带刀座']],
  },
  {
    code: 'CB', category: 'cutting-boards', hs: '4419120000', unit: 'pc', price: [1.2, 6], weightKg: [12, 18],
    stuff: [['Bamboo', '竹制', 'Moso bamboo', ['FSC', 'FDA']], ['Acacia wood', '相思木', 'Acacia wood', ['FSC']], ['Plastic', '塑料', 'Polypropylene', ['FDA', 'BPA-free']], ['Fibre', '纤维', 'Wood fibre composite', ['FDA']]],
    styles: [['cutting board', '砧板'], ['chopping board set', '砧板套装'], ['serving board', '餐板'], ['cheese board', '奶酪板']],
    variants: [['38 x 28 cm', '38×28厘米'], ['45 x 30 cm', '45×30厘米'], ['with juice groove', '带导流槽'], ['3 pieces', '三件套']],
  },
  {
    code: 'UT', category: 'utensils', hs: '3924100000', unit: 'set', price: [1.5, 6], weightKg: [9, 13],
    stuff: [['Silicone', '硅胶', 'Food-grade silicone', ['LFGB', 'FDA']], ['Stainless steel', '不锈钢', '18/8 stainless steel', ['LFGB']], ['Bamboo', '竹制', 'Moso bamboo', ['FSC']], ['Nylon', '尼龙', 'Heat-resistant nylon', ['FDA']]],
    styles: [['kitchen utensil set', '厨具套装'], ['spatula set', '锅铲套装'], ['cooking spoon set', '烹饪勺套装'], ['baking set', '烘焙套装']],
    variants: [['5 pieces', '五件套'], ['6 pieces', '六件套'], ['12 pieces', '十二件套'], ['with holder', '带收纳桶']],
  },
];

const benchCategories: [slug: string, parent: string | null, en: string, zh: string][] = [
  ['bags', null, 'Bags', '箱包'],
  ['tote-bags', 'bags', 'Tote bags', '购物袋'],
  ['backpacks', 'bags', 'Backpacks', '背包'],
  ['knives', 'kitchen', 'Knives', '刀具'],
  ['cutting-boards', 'kitchen', 'Cutting boards', '砧板'],
  ['utensils', 'kitchen', 'Utensils', '厨具'],
];

const COLLECTIONS = ['Harbour', 'Atlas', 'Coastline', 'Everyday', 'Summit', 'Nordic', 'Urban', 'Essential', 'Pacific', 'Terra', 'Lotus', 'Meridian'];
const ORIGINS = ['CN', 'CN', 'CN', 'CN', 'CN', 'CN', 'VN', 'VN', 'IN', 'IN', 'BD', 'TR', 'PK', 'TH'];
const CN_PORTS = ['CNNGB', 'CNSHA', 'CNSZX', 'CNTAO', 'CNXMN'];
const MOQS = [100, 200, 300, 500, 1000, 2000, 3000, 5000];
const EXTRA_INCOTERMS = ['CIF', 'CFR', 'EXW', 'DDP'] as const;

async function generateCatalog(prisma: import('../packages/db/src/index.ts').PrismaClient, count: number): Promise<void> {
  const exporter = await prisma.company.findFirstOrThrow({ where: { kind: 'EXPORTER' }, select: { id: true } });
  const categoryIds = new Map((await prisma.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  for (const [slug, parent, nameEn, nameZh] of benchCategories) {
    const c = await prisma.category.create({ data: { slug, nameEn, nameZh, parentId: parent ? categoryIds.get(parent)! : null }, select: { id: true } });
    categoryIds.set(slug, c.id);
  }
  const rnd = prng(20_260_101);
  const since = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 0, 1) - since;
  const money = (n: number) => n.toFixed(4);

  for (let start = 0; start < count; start += INSERT_BATCH) {
    const products: import('../packages/db/src/index.ts').Prisma.ProductCreateManyInput[] = [];
    const tiers: import('../packages/db/src/index.ts').Prisma.ProductPriceTierCreateManyInput[] = [];
    for (let i = start; i < Math.min(count, start + INSERT_BATCH); i++) {
      const kind = kinds[i % kinds.length]!;
      const [stuffEn, stuffZh, material, certPool] = rnd.pick(kind.stuff);
      const [styleEn, styleZh] = rnd.pick(kind.styles);
      const [variantEn, variantZh] = rnd.pick(kind.variants);
      const collection = rnd.pick(COLLECTIONS);
      const nameEn = `${collection} ${stuffEn.toLowerCase()} ${styleEn} ${variantEn}`.replace(/^(\w)/, (c) => c.toUpperCase());
      const nameZh = `${stuffZh}${styleZh} ${variantZh}`;
      const origin = rnd.pick(ORIGINS);
      // Some of what the material may carry, plus a factory audit now and then.
      const certs = [...rnd.some(certPool, 1.5), ...(rnd.next() < 0.15 ? ['ISO 9001'] : [])];
      const moq = rnd.pick(MOQS);
      const perCarton = kind.unit === 'set' ? rnd.int(6, 24) : rnd.pick([24, 36, 48, 50, 60, 100, 200]);
      const price = kind.price[0] + rnd.next() * (kind.price[1] - kind.price[0]);
      const id = randomUUID();
      products.push({
        id,
        sku: `BN-${kind.code}-${String(i).padStart(6, '0')}`,
        supplierId: exporter.id,
        categoryId: categoryIds.get(kind.category)!,
        nameEn,
        nameZh,
        descriptionEn: `${nameEn}. ${material}. Packed ${perCarton} ${kind.unit === 'set' ? 'sets' : 'pieces'} per export carton; custom branding and retail packaging available.`,
        descriptionZh: `${nameZh}，材质：${material}，每箱${perCarton}${kind.unit === 'set' ? '套' : '件'}。`,
        specifications: [{ name: 'Material', value: material }, { name: 'Variant', value: variantEn }],
        material,
        unit: kind.unit,
        moq,
        unitsPerCarton: perCarton,
        cartonLengthCm: rnd.int(40, 65),
        cartonWidthCm: rnd.int(28, 45),
        cartonHeightCm: rnd.int(22, 45),
        cartonGrossWeightKg: (kind.weightKg[0] + rnd.next() * (kind.weightKg[1] - kind.weightKg[0])).toFixed(3),
        hsCode: kind.hs,
        origin,
        certifications: certs,
        leadTimeDays: rnd.int(15, 60),
        incoterms: ['FOB', ...rnd.some(EXTRA_INCOTERMS, 1.5)],
        portOfLoadingCode: origin === 'CN' ? rnd.pick(CN_PORTS) : null,
        status: 'ACTIVE',
        // Staff-only: must never reach the index or a buyer.
        marginFloorRate: '0.0800',
        createdAt: new Date(since + Math.floor(rnd.next() * span)),
      });
      tiers.push({ productId: id, minQuantity: moq, unitPrice: money(price), currency: 'USD', incoterm: 'FOB' });
      tiers.push({ productId: id, minQuantity: moq * 5, unitPrice: money(price * 0.93), currency: 'USD', incoterm: 'FOB' });
      if (rnd.next() < 0.5) tiers.push({ productId: id, minQuantity: moq * 20, unitPrice: money(price * 0.87), currency: 'USD', incoterm: 'FOB' });
    }
    await prisma.product.createMany({ data: products });
    await prisma.productPriceTier.createMany({ data: tiers });
  }
}

// ── Where the CPU goes during a throughput run ──────────────────────────────────────────────────

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (ms) of processes from /proc: utime + stime, the 14th and 15th fields of stat. */
async function processCpuMs(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** PostgreSQL's processes (the server and its backends), by name. */
async function postgresPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') pids.push(Number(entry));
  }
  return pids;
}

type CpuSample = { app: number; meili: number; postgres: number };
/** The app thread's CPU is read at once (the call is on that thread); the others from /proc. */
async function sampleCpu(meiliPid: number, pgPids: Promise<number[]>): Promise<CpuSample> {
  const app = process.threadCpuUsage();
  return { app: (app.user + app.system) / 1000, meili: await processCpuMs([meiliPid]), postgres: await processCpuMs(await pgPids) };
}

// ── CPU profile of the app's thread (BENCH_CPU_PROFILE) ─────────────────────────────────────────

function cpuProfiler(file: string) {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  let started: Promise<unknown> | null = null;
  return {
    start() {
      started = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 100 })).then(() => post('Profiler.start'));
    },
    async stop() {
      if (!started) return;
      await started;
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`  CPU profile of the app's thread during that run: ${file}`);
    },
  };
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────

/** Other work on the machine skews every figure here; the load average at the start says how much there was. */
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  const { openDatabase, seedDemoData, demoPassword } = await import('../packages/db/src/index.ts');
  const { createSearchOnlyKey, startEmbeddedMeilisearch } = await import('../packages/search/src/index.ts');
  const { createMailer } = await import('../packages/mail/src/index.ts');
  const { buildApp } = await import('../apps/api/src/app.ts');
  const { loadConfig } = await import('../apps/api/src/config.ts');
  const { createSearchEngine } = await import('../apps/api/src/infra/search-engine.ts');

  const cleanups: { what: string; run: () => Promise<unknown> }[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const { what, run } of cleanups.reverse()) {
        try {
          await run();
        } catch (err) {
          console.error(`cleanup: ${what} failed: ${(err as Error).message}`);
        }
      }
    })());
  const hardLimit = setTimeout(() => {
    console.error(`bench:search: still running after ${HARD_LIMIT_MS / 60_000} min; stopping`);
    void cleanup().finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  hardLimit.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench:search: ${signal}; cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const phase = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };

  try {
    console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loadAverage()}`);

    // A database of its own on the server, dropped at the end.
    const dbName = `portal_bench_${randomBytes(5).toString('hex')}`;
    const maintenance = await openDatabase({ kind: 'postgres', url: PG_URL, poolSize: 1 });
    await maintenance.prisma.$executeRawUnsafe(`CREATE DATABASE ${dbName}`);
    cleanups.push({
      what: `dropping ${dbName}`,
      run: async () => {
        await maintenance.prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await maintenance.close();
      },
    });
    const dbUrl = new URL(PG_URL);
    dbUrl.pathname = `/${dbName}`;
    const db = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 20 });
    cleanups.push({ what: 'closing the database', run: () => db.close() });
    await db.migrate();
    await seedDemoData(db.prisma);
    await phase(`generated ${PRODUCTS.toLocaleString('en')} products into PostgreSQL ${dbName}`, () => generateCatalog(db.prisma, PRODUCTS));
    await db.prisma.$executeRawUnsafe('ANALYZE');

    // An embedded Meilisearch in a temp folder, removed at the end.
    const root = path.join(os.tmpdir(), 'portal-bench-search');
    await mkdir(root, { recursive: true });
    const dir = await mkdtemp(path.join(root, 'run-'));
    cleanups.push({ what: `removing ${dir}`, run: () => rm(dir, { recursive: true, force: true }) });
    const masterKey = randomBytes(24).toString('hex');
    const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dir, 'meili'), masterKey });
    cleanups.push({ what: 'stopping Meilisearch', run: () => meili.stop() });
    const uid = 'products';
    const searchKey = await createSearchOnlyKey(createSearchClient({ host: meili.url, apiKey: masterKey }));
    const engine = createSearchEngine({ host: meili.url, adminKey: masterKey, searchKey, uid });

    // The real app, as server.ts builds it; request logging off (warn level) so stdout is not the bottleneck.
    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl.toString(),
      DATABASE_POOL_SIZE: '20',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      PUBLIC_URL: 'http://127.0.0.1',
      DATA_DIR: dir,
      WEB_DIST: path.join(dir, 'no-web'),
      LOG_LEVEL: 'warn',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      LOGIN_RATE_LIMIT: '1000',
    });
    const mailer = createMailer(config.mail);
    cleanups.push({ what: 'closing the mailer', run: async () => mailer.close() });
    const app = await buildApp({ config, db, mailer, search: engine, logger: { level: 'warn' } });
    cleanups.push({ what: 'closing the app', run: () => app.close() });

    const indexed = await phase('indexed with app.products.rebuildIndex()', () => app.products.rebuildIndex());
    const documents = await engine.countDocuments();
    console.log(`  ${indexed.toLocaleString('en')} active products read, ${documents?.toLocaleString('en')} documents in "${uid}"`);

    const portalUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${portalUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'buyer@demo.example', password: demoPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    console.log(`\nQuery mix: ${MIX.length} queries (words, phrases, typos, prefix, synonyms, Chinese; facets and ranges; sorts; pages), as an approved buyer.`);
    console.log(`(a) endpoint: GET ${portalUrl}/api/catalog/search   (b) direct: searchProducts() → ${meili.url}/multi-search`);

    let pgPids: Promise<number[]> = Promise.resolve([]);
    let windowStart: Promise<CpuSample> = Promise.resolve({ app: 0, meili: 0, postgres: 0 });
    const cpuUsed = new Map<string, CpuSample>();
    const cpuRequests = new Map<string, { requests: number; loadCpuMs: number }>();
    const cpuTasks: Promise<void>[] = [];
    const profiler = process.env.BENCH_CPU_PROFILE ? cpuProfiler(process.env.BENCH_CPU_PROFILE) : null;
    const input: WorkerInput = { portalUrl, cookie, meiliUrl: meili.url, searchKey, uid };
    const worker = new Worker(new URL(import.meta.url), { workerData: input });
    cleanups.push({ what: 'stopping the load worker', run: () => worker.terminate() });
    const sequential: Partial<Record<Target, Extract<WorkerMessage, { type: 'sequential' }>>> = {};
    const throughput = new Map<number, Partial<Record<Target, Extract<WorkerMessage, { type: 'throughput' }>>>>();

    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`load worker exited (${code}) before it was done`)));
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'check':
            console.log('\nHits per query (endpoint / direct):');
            m.rows.forEach((r, i) => console.log(`  ${String(i + 1).padStart(2)}. ${pad(r.label, 38)} ${String(r.endpointTotal).padStart(5)} / ${String(r.directTotal).padStart(5)}${r.endpointTotal === r.directTotal ? '' : '   MISMATCH'}`));
            break;
          case 'sequential': {
            sequential[m.target] = m;
            if (m.target === 'direct') {
              const a = sequential.endpoint!;
              console.log(`\nSequential latency (${a.overall.n} requests each after ${WARMUP_ROUNDS} warm-up rounds):`);
              for (const s of [a, m]) {
                console.log(`  ${pad(s.target, 9)} p50 ${ms(s.overall.p50)}   p95 ${ms(s.overall.p95)}   p99 ${ms(s.overall.p99)}   max ${ms(s.overall.max)}`);
              }
              console.log(`  endpoint p95 ${ms(a.overall.p95)}: target ≤ 15 ms ${a.overall.p95 <= 15 ? 'MET' : 'MISSED'}; endpoint − direct at p50: ${ms(a.overall.p50 - m.overall.p50)}`);
              console.log('  p50 per query (endpoint / direct):');
              MIX.forEach((q, i) => console.log(`    ${String(i + 1).padStart(2)}. ${pad(q.label, 38)} ${ms(a.perQuery[i]!).padStart(9)} / ${ms(m.perQuery[i]!).padStart(9)}`));
            }
            break;
          }
          case 'phase-start':
            // The backends are the app's pool, opened long before: list them once per phase.
            pgPids = postgresPids();
            if (profiler && m.connections === CONCURRENCY[0]) profiler.start();
            break;
          case 'phase-end':
            if (profiler && m.connections === CONCURRENCY[0]) void profiler.stop();
            break;
          case 'window-start':
            windowStart = sampleCpu(meili.pid, pgPids);
            break;
          case 'window-end': {
            const [from, to] = [windowStart, sampleCpu(meili.pid, pgPids)];
            const key = `${m.connections}/${m.target}`;
            cpuTasks.push(Promise.all([from, to]).then(([a, b]) => {
              const sum = cpuUsed.get(key) ?? { app: 0, meili: 0, postgres: 0 };
              cpuUsed.set(key, { app: sum.app + b.app - a.app, meili: sum.meili + b.meili - a.meili, postgres: sum.postgres + b.postgres - a.postgres });
            }));
            break;
          }
          case 'throughput': {
            cpuRequests.set(`${m.connections}/${m.target}`, { requests: m.requests, loadCpuMs: m.loadCpuMs });
            const row = throughput.get(m.connections) ?? {};
            row[m.target] = m;
            throughput.set(m.connections, row);
            if (row.endpoint && row.direct) {
              if (m.connections === CONCURRENCY[0]) console.log(`\nThroughput (${THROUGHPUT_WINDOWS} windows of ${WINDOW_SECONDS} s per target, alternating, after ${THROUGHPUT_WARMUP_SECONDS} s warm-up each; keep-alive):`);
              const rate = (r: typeof m) => r.requests / r.seconds;
              for (const r of [row.endpoint, row.direct]) {
                console.log(`  ${String(m.connections).padStart(2)} connections ${pad(r.target, 9)} ${rate(r).toFixed(0).padStart(6)} req/s   p50 ${ms(r.latency.p50)}   p99 ${ms(r.latency.p99)}   errors ${r.errors}`);
              }
              const ratio = rate(row.endpoint) / rate(row.direct);
              console.log(`  ${String(m.connections).padStart(2)} connections endpoint/direct ${(ratio * 100).toFixed(1)} %: target ≥ 85 % ${ratio >= 0.85 ? 'MET' : 'MISSED'}`);
            }
            break;
          }
          case 'failed':
            reject(new Error(m.error));
            break;
          case 'done':
            resolve();
            break;
        }
      });
    });
    await Promise.all(cpuTasks);
    console.log(`\nWhere the CPU went in the measured windows (${os.cpus().length} cores shared by all of these; the app thread serves (a) only):`);
    for (const key of [...cpuRequests.keys()].sort()) {
      const [connections, target] = key.split('/');
      const { requests, loadCpuMs } = cpuRequests.get(key)!;
      const used = cpuUsed.get(key) ?? { app: NaN, meili: NaN, postgres: NaN };
      const perRequest = (ms: number) => ((ms * 1000) / Math.max(1, requests)).toFixed(0).padStart(5);
      console.log(`  ${connections!.padStart(2)} connections ${pad(target!, 9)} µs CPU per request: app thread ${perRequest(used.app)}   load generator ${perRequest(loadCpuMs)}   Meilisearch ${perRequest(used.meili)}   PostgreSQL ${perRequest(used.postgres)}`);
    }
  } finally {
    await cleanup();
    clearTimeout(hardLimit);
  }
  console.log('\nCleaned up: database dropped, Meilisearch stopped, temp folder removed.');
}

if (isMainThread) {
  try {
    await main();
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  }
} else {
  try {
    await loadWorker(workerData as WorkerInput);
  } catch (err) {
    parentPort!.postMessage({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerMessage);
  }
}
