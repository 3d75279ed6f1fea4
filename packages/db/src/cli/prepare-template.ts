// Prepares the embedded database template (an empty cluster with every migration applied) that a new
// PGlite data folder is made from: run by `pnpm build` and, when missing, by `pnpm start`.
import { performance } from 'node:perf_hooks';
import { prepareTemplate, templateFile } from '../template.ts';

const started = performance.now();
const existing = templateFile();
const file = await prepareTemplate();
console.log(file === existing && performance.now() - started < 50 ? `database template ready: ${file}` : `database template prepared in ${Math.round(performance.now() - started)} ms: ${file}`);
