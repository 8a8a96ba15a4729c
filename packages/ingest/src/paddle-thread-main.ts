// Runs inside the worker thread started by paddle-thread.ts: onnxruntime-node runs the models
// synchronously, so here it blocks this thread's loop, never the process's main one.
import { parentPort } from 'node:worker_threads';
import { createPaddle, paddleLines } from './ocr-paddle.ts';
import type { PaddleReply, PaddleRequest } from './paddle-thread.ts';

const port = parentPort;
if (!port) throw new Error('paddle-thread-main.ts must run in a worker thread');

let engine: ReturnType<typeof createPaddle> | null = null;
// one page at a time: detect() awaits sharp between model runs, so messages would interleave
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (msg: PaddleRequest) => {
  queue = queue.then(async () => {
    let reply: PaddleReply;
    try {
      engine ??= createPaddle();
      let ocr: Awaited<ReturnType<typeof createPaddle>>;
      try {
        ocr = await engine;
      } catch (e) {
        reply = { id: msg.id, error: String((e as Error)?.stack ?? e), load: true };
        port.postMessage(reply);
        return;
      }
      const lines = await paddleLines(ocr, Buffer.from(msg.image));
      reply = { id: msg.id, lines };
    } catch (e) {
      reply = { id: msg.id, error: String((e as Error)?.stack ?? e) };
    }
    port.postMessage(reply);
  });
});
