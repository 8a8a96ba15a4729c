import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The API serves dist/ at `/`; in `npm run dev` Vite proxies /api to a running API on :3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
