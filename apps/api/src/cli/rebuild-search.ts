// Rebuilds the product index from the database without downtime: a new index is built beside the
// live one and swapped in. `pnpm search:rebuild` (MEILI_URL for a server; otherwise the embedded
// engine under DATA_DIR, which needs the portal stopped; with the portal running, use
// POST /api/search/rebuild as an admin).
import { openDatabase } from '@portal/db';
import { startEmbeddedMeilisearch } from '@portal/search';
import { loadConfig } from '../config.ts';
import { createSearchEngine } from '../infra/search-engine.ts';
import { createCatalogIndexService } from '../modules/catalog/catalog-index.service.ts';
import { createCategoryTree } from '../modules/catalog/category-tree.ts';

const config = loadConfig();
const db = await openDatabase(config.database);
await db.migrate();
const embedded = config.search.kind === 'embedded' ? await startEmbeddedMeilisearch({ dataDir: config.search.dataDir, masterKey: config.search.masterKey }) : null;
const host = embedded ? embedded.url : config.search.kind === 'server' ? config.search.url : '';
const engine = createSearchEngine({ host, adminKey: config.search.masterKey ?? '', uid: config.search.index });
const products = createCatalogIndexService({ prisma: db.prisma, search: engine, categories: createCategoryTree(db.prisma) });
const started = Date.now();
await engine.ensureIndex();
const count = await products.rebuildIndex();
console.log(`Indexed ${count} active products into "${config.search.index}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
await embedded?.stop();
await db.close();
