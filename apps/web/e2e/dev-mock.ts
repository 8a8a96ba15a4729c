/** Serve the built UI with the contract mock on :5180, for looking at the UI by hand. */
import { fileURLToPath } from 'node:url';
import { createMockApi } from './mock-api.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const port = Number(process.env.PORT ?? 5180);
createMockApi({ samplesDir: here('../../../samples'), distDir: here('../dist') }).listen(
  port,
  '127.0.0.1',
  () => console.log(`mock API + UI on http://127.0.0.1:${port}`),
);
