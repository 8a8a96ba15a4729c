// Page images are drawn in a thread of their own, at the lowest CPU priority: pdfjs renders
// synchronously, and on the worker's main thread, at normal priority, drawing pages took CPU from
// the other ingest job's OCR (a scan read under load went past ingest's 60 s budget in the browser
// e2e) and held up BullMQ's lock renewals. One thread per process, started on first use,
// unreferenced while idle (it never keeps the process alive).
import { Worker } from 'node:worker_threads';

export type RenderRequest = { id: number; pdf: ArrayBuffer; page: number; dpi: number };
export type RenderReply = { id: number; png: ArrayBuffer } | { id: number; error: string };

// From the sources (tsx, vitest) a plain-JS shim registers tsx, then imports the TypeScript entry;
// compiled (dist/) the thread starts the compiled entry itself.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./render-worker.mjs', import.meta.url)
  : new URL('./render-thread-main.js', import.meta.url);

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(ENTRY);
  w.on('message', (msg: RenderReply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (!pending.size) w.unref();
    if ('png' in msg) p.resolve(Buffer.from(msg.png));
    else p.reject(new Error(msg.error));
  });
  // a crash fails the calls it held; the next call starts a fresh thread
  const gone = (e: Error) => {
    if (worker !== w) return;
    worker = null;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('error', (e) => gone(new Error(`render thread crashed: ${e.message}`, { cause: e })));
  w.on('exit', (code) => gone(new Error(`render thread exited (code ${code})`)));
  return w;
}

/** PNG of one page of a PDF, drawn by @grader/ingest's renderer in the render thread. */
export function renderInThread(pdf: Uint8Array, page: number, dpi: number): Promise<Buffer> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  // a copy into its own ArrayBuffer, transferred: Buffers often share a pooled one
  const copy = new Uint8Array(pdf.byteLength);
  copy.set(pdf);
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, pdf: copy.buffer, page, dpi } satisfies RenderRequest, [copy.buffer]);
  });
}
