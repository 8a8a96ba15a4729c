/**
 * What other workspaces may import from @grader/web: where the built UI is, so the API can serve it.
 * (The UI itself is a browser bundle built by Vite into dist/.)
 */
import { fileURLToPath } from 'node:url';

export const webDistDir: string = fileURLToPath(new URL('../dist', import.meta.url));
