# One image for the API and the worker (they differ only in the command; see docker-compose.yml).
# The apps run TypeScript through tsx on the Node 24 the project installs from npm (`node` package).
FROM node:24-bookworm-slim

# DejaVu for the demo scripts; nothing else from the system is needed (pdfjs, tesseract.js and
# @napi-rs/canvas ship their own binaries/data through npm).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production \
    TURBO_TELEMETRY_DISABLED=1 \
    ONNXRUNTIME_NODE_INSTALL=skip \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true

# Manifests first so the dependency layer is cached across source edits.
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY apps/cli/package.json apps/cli/
COPY packages packages
COPY prisma prisma
COPY prisma.config.ts tsconfig.base.json tsconfig.json ./
# dev dependencies are needed at run time too: tsx runs the TypeScript sources
RUN npm install --no-audit --no-fund --include=dev

COPY . .
# the web UI is served by the API from apps/web/dist
RUN npm run build -w @grader/web --if-present

RUN mkdir -p /data/storage && chown -R node:node /data /app
USER node
ENV HOST=0.0.0.0 PORT=3000 STORAGE_DIR=/data/storage WEB_DIR=apps/web/dist
EXPOSE 3000
CMD ["npm", "run", "api"]
