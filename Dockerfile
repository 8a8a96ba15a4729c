# Two stages. `build` installs every dependency (dev ones too), compiles each workspace to dist/
# (`npm run build`: tsc per workspace, Vite for the web UI) and prunes the dev dependencies. The
# final image holds the production dependencies, the package manifests and dist/ only (plus the
# exams and the migrations), and runs compiled JavaScript with Node: no tsx, no TypeScript sources.
# The API and the worker share the image; docker-compose.yml picks the command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 \
    ONNXRUNTIME_NODE_INSTALL=skip \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true

# Manifests first so the dependency layer is cached across source edits (one line per workspace).
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/config/package.json packages/config/
COPY packages/contract/package.json packages/contract/
COPY packages/db/package.json packages/db/
COPY packages/engine/package.json packages/engine/
COPY packages/exam/package.json packages/exam/
COPY packages/grading/package.json packages/grading/
COPY packages/ingest/package.json packages/ingest/
COPY packages/jobs/package.json packages/jobs/
COPY packages/model/package.json packages/model/
COPY packages/parse/package.json packages/parse/
COPY packages/queue/package.json packages/queue/
COPY packages/rubric/package.json packages/rubric/
COPY packages/testkit/package.json packages/testkit/
# @grader/db's postinstall generates the Prisma client from the schema
COPY prisma prisma
COPY prisma.config.ts tsconfig.base.json ./
# `npm install`, not `npm ci`: the registry lacks some other platforms' optional packages (README)
RUN npm install --no-audit --no-fund --include=dev

COPY . .
# Compile, drop the dev dependencies, and gather what runs into /out: each runtime workspace's
# package.json and dist/ (the test corpus generator, @grader/testkit, is left out), the built web
# UI, the exams and the migrations.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out/apps/web \
 && cp package.json /out/ \
 && for d in apps/api apps/cli apps/worker packages/*; do \
      [ "$d" = packages/testkit ] && continue; \
      mkdir -p "/out/$d" && cp "$d/package.json" "/out/$d/" && cp -R "$d/dist" "/out/$d/dist"; \
    done \
 && cp apps/web/package.json /out/apps/web/ && cp -R apps/web/dist /out/apps/web/dist \
 && cp -R exams /out/exams \
 && mkdir -p /out/prisma && cp -R prisma/migrations /out/prisma/migrations

FROM node:24-bookworm-slim
# DejaVu for rendering pages of PDFs that do not embed their fonts; everything else (pdfjs,
# tesseract.js and its English data, PaddleOCR's models, @napi-rs/canvas) comes through npm.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# grader-dist: the workspaces' package.json exports resolve to dist/*.js under this condition
# (their default is the TypeScript sources, for development).
ENV NODE_ENV=production \
    NODE_OPTIONS="--conditions=grader-dist --enable-source-maps"
COPY --from=build /app/node_modules node_modules
COPY --from=build /out ./

RUN mkdir -p /data/storage && chown node:node /data /data/storage /app
USER node
ENV HOST=0.0.0.0 PORT=3000 STORAGE_DIR=/data/storage WEB_DIR=apps/web/dist
EXPOSE 3000
# the worker: node apps/worker/dist/main.js; migrations: node packages/db/dist/migrate-cli.js;
# the CLI: node apps/cli/dist/main.js grade --exam ID FILE.pdf
CMD ["node", "apps/api/dist/main.js"]
