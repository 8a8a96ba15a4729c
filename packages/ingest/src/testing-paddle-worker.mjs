// A stand-in for paddle-worker.mjs in tests: the first byte of the image says what to do.
// 0: exit the thread, 1: throw (uncaught), 2: reply an error, 3: never answer,
// 4: the engine failed to load, else: one line.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, image }) => {
  const op = new Uint8Array(image)[0];
  if (op === 0) process.exit(3);
  if (op === 1) throw new Error('boom');
  if (op === 2) return parentPort.postMessage({ id, error: 'bad image' });
  if (op === 3) return;
  if (op === 4) return parentPort.postMessage({ id, error: 'no models', load: true });
  parentPort.postMessage({
    id,
    lines: [{ text: `len ${image.byteLength}`, conf: 0.9, x0: 0, y0: 0, x1: 10, y1: 5 }],
  });
});
