// Runs inside the thread started by render-thread.ts: pdfjs draws a page synchronously (0.2–1.6 s
// a page here), so it blocks this thread's loop, never the worker's main one.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderPage } from '@grader/ingest';
import type { RenderReply, RenderRequest } from './render-thread.ts';

const port = parentPort;
if (!port) throw new Error('render-thread-main.ts must run in a worker thread');

// The lowest CPU priority, for this thread only (Linux: setpriority on its thread id): pages are
// drawn with the CPU that extraction and OCR leave, so rendering never pushes a scan past ingest's
// time budget (it did in the browser e2e on 2 cores). Elsewhere it runs at normal priority.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) setPriority(tid, 19);
} catch {
  // not Linux, or not allowed: normal priority
}

// one page at a time
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (msg: RenderRequest) => {
  queue = queue.then(async () => {
    let reply: RenderReply;
    try {
      const png = await renderPage(new Uint8Array(msg.pdf), msg.page, msg.dpi);
      const copy = new Uint8Array(png.byteLength);
      copy.set(png);
      reply = { id: msg.id, png: copy.buffer };
      port.postMessage(reply, [copy.buffer]);
    } catch (e) {
      reply = { id: msg.id, error: (e as Error)?.message ?? String(e) };
      port.postMessage(reply);
    }
  });
});
