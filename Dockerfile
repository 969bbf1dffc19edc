# syntax=docker/dockerfile:1
#
# Solmu API image. Two stages: `build` compiles with the full dev toolchain, `runtime` carries only
# production dependencies and the compiled output, and runs as the unprivileged `node` user.
#
#   docker build -t solmu .
#   docker build --build-arg SOLMU_MAIN=<path to main.js> -t solmu .   # if the entry moves

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, so code changes reuse the cached `npm ci` layer.
COPY package.json package-lock.json ./
RUN npm ci
COPY nest-cli.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# Same base as the build stage, so native modules built there load here.
FROM ${NODE_IMAGE} AS runtime
ARG SOLMU_MAIN=dist/apps/api/apps/api/src/main.js
ENV NODE_ENV=production \
    SOLMU_MAIN=${SOLMU_MAIN}
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# A writable place for the SQLite store, when that adapter is chosen instead of EventStoreDB.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# `exec` replaces the shell with node, so SIGTERM from `docker stop` reaches Nest's shutdown hooks.
# --single-threaded-gc: each thread collects its own garbage, so an analysis worker's collections run
# at its lowered priority instead of on V8's helper threads beside the HTTP thread (docs/architecture.md).
CMD ["sh", "-c", "exec node --single-threaded-gc \"$SOLMU_MAIN\""]
