// `pnpm start`: build the SPA when its sources changed since the last build, then run the portal
// (API + SPA on one port). Embedded defaults need no configuration; see README.md and .env.example.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'apps/web/dist/index.html');

/** The newest modification time of any file below these folders. */
function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else latest = Math.max(latest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return latest;
}

const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'packages/schemas/src', 'packages/domain/src'];
const stale = !existsSync(builtIndex) || newest(sources.filter((s) => !s.endsWith('.html'))) > statSync(builtIndex).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  const build = spawnSync('pnpm', ['--filter', '@portal/web', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The embedded database starts from a prepared, migrated cluster (made once per set of migrations).
if (!process.env.DATABASE_URL) {
  const template = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'packages/db/src/cli/prepare-template.ts')], { cwd: path.join(root, 'packages/db'), stdio: 'inherit' });
  if (template.status !== 0) console.warn('The database template could not be prepared: the portal makes its database from scratch.');
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], {
  cwd: path.join(root, 'apps/api'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
