// Entry of the page-rendering thread (see render-thread.ts) from the sources: plain JS so Node can
// start it under tsx and vitest; it registers tsx's ESM loader, then imports the TypeScript.
// check-deps: dev-only (compiled code starts render-thread-main.js directly: see render-thread.ts)
import { register } from 'tsx/esm/api';

register();
await import('./render-thread-main.ts');
