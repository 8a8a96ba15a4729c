// Entry of the PaddleOCR worker thread (see paddle-thread.ts). Plain JS so that Node can start it
// under both tsx (the CLI) and vitest: it registers tsx's ESM loader, then imports the TypeScript.
// Under tsx the loader is usually inherited already; a second scoped registration is harmless.
// check-deps: dev-only (compiled code starts paddle-thread-main.js directly: see paddle-thread.ts)
import { register } from 'tsx/esm/api';

register();
await import('./paddle-thread-main.ts');
