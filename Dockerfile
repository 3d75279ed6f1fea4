# syntax=docker/dockerfile:1
# The portal as one image: the Fastify API (TypeScript run by tsx) serving the built SPA on port 3000.
#   docker build -t trade-portal .        (docker-compose.yml builds it for you)

# ── pnpm on Node 24 ──────────────────────────────────────────────────────────────────────────────
FROM node:24-bookworm-slim AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    npm_config_update_notifier=false
RUN npm i -g pnpm@12
WORKDIR /app

# ── Dependencies and the SPA build ───────────────────────────────────────────────────────────────
# NODE_ENV is NOT production here: pnpm would skip devDependencies (vite, tsx) that the build needs.
FROM base AS build
# Manifests and lockfile first, so the install layer is reused until one of them changes.
# Every workspace package (pnpm-workspace.yaml) needs its package.json here, or
# --frozen-lockfile fails; scripts/deploy-files.test.ts checks that none is missing.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/schemas/package.json packages/schemas/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/bank-statements/package.json packages/bank-statements/
COPY packages/mail/package.json packages/mail/
COPY packages/search/package.json packages/search/
COPY e2e/package.json e2e/
# The root postinstall generates the Prisma client (packages/db/src/generated) from the schema,
# without Prisma's download server (see scripts/prisma-generate.mjs).
COPY prisma/schema.prisma prisma/
COPY scripts/prisma-generate.mjs scripts/
RUN --mount=type=cache,id=pnpm,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir=/pnpm/store
COPY . .
# The SPA only: the production shape runs on PostgreSQL, so no embedded database template.
RUN pnpm --filter @portal/web run build

# ── Runtime ──────────────────────────────────────────────────────────────────────────────────────
# tsx (a root devDependency) runs the TypeScript at start, so node_modules is copied whole rather
# than re-installed with --prod.
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=build /app /app
# Code stays root-owned and read-only for the app; only DATA_DIR (/app/data) is writable by it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Migrations run at start (server.ts), hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# pnpm passes SIGTERM on to the server, which closes HTTP, the mail worker and the database pool.
CMD ["pnpm", "--filter", "@portal/api", "start"]
