// Entry of the batch-grading thread (see grade-thread.ts) from the sources: plain JS so Node can
// start it under tsx and vitest; it registers tsx's ESM loader, then imports the TypeScript.
// check-deps: dev-only (compiled code starts grade-thread-main.js directly: see grade-thread.ts)
import { register } from 'tsx/esm/api';

register();
await import('./grade-thread-main.ts');
