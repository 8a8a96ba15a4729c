// PaddleOCR in a worker thread. onnxruntime-node runs a model synchronously on the thread that
// calls it (3–6 s per page): on the main thread that froze the event loop (BullMQ lock renewals,
// other jobs, the CLI's other files). One thread per pool, started on the first image page.
import { Worker } from 'node:worker_threads';
import type { PaddleLine } from './ocr-paddle.ts';

export type PaddleRequest = { id: number; image: ArrayBuffer };
export type PaddleReply =
  | { id: number; lines: PaddleLine[] }
  /** `load`: the engine itself failed to load (models, onnxruntime): every later call fails too */
  | { id: number; error: string; load?: boolean };

export interface PaddleThread {
  /** Lines of one image (PGM, PNG or JPEG bytes); the bytes are copied, the caller's Buffer stays usable. */
  lines(image: Buffer): Promise<PaddleLine[]>;
  /** Terminates the thread; pending and later calls fail. */
  close(): Promise<void>;
}

// From the sources (tsx, vitest) a plain-JS shim registers tsx, then imports the TypeScript entry;
// compiled (dist/, production) the thread starts the compiled entry itself.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./paddle-worker.mjs', import.meta.url)
  : new URL('./paddle-thread-main.js', import.meta.url);

/**
 * A crash or exit of the thread fails the calls it held; the next call starts a fresh thread.
 * A failure to load the engine is remembered (like an engine that cannot load in-process).
 */
export function createPaddleThread(opts: { entry?: URL } = {}): PaddleThread {
  const entry = opts.entry ?? ENTRY; // tests start a stand-in that crashes on request
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (l: PaddleLine[]) => void; reject: (e: Error) => void }>();
  let loadError: Error | null = null;
  let closed = false;

  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const start = () => {
    const w = new Worker(entry);
    w.on('message', (msg: PaddleReply) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (!pending.size) w.unref(); // an idle thread never keeps the process alive
      if ('lines' in msg) p.resolve(msg.lines);
      else {
        const e = new Error(`PaddleOCR: ${msg.error}`);
        if (msg.load) loadError = e;
        p.reject(e);
      }
    });
    const gone = (e: Error) => {
      if (worker !== w) return;
      worker = null;
      failAll(e);
    };
    w.on('error', (e) => gone(new Error(`PaddleOCR thread crashed: ${e.message}`, { cause: e })));
    w.on('exit', (code) => gone(new Error(`PaddleOCR thread exited (code ${code})`)));
    return w;
  };

  return {
    lines(image: Buffer) {
      if (closed) return Promise.reject(new Error('PaddleOCR thread is closed'));
      if (loadError) return Promise.reject(loadError);
      worker ??= start();
      const w = worker;
      const id = nextId++;
      // a copy into its own ArrayBuffer, transferred: Buffers often share a pooled one
      const copy = new Uint8Array(image.byteLength);
      copy.set(image);
      return new Promise<PaddleLine[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, image: copy.buffer } satisfies PaddleRequest, [copy.buffer]);
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      failAll(new Error('PaddleOCR thread is closed'));
      if (w) await w.terminate();
    },
  };
}
