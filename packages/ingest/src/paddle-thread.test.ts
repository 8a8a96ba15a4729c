// The worker-thread plumbing with a stand-in worker (no models): crashes fail the calls, never hang them.
import { describe, expect, it } from 'vitest';
import { createPaddleThread } from './paddle-thread.ts';

const FAKE = new URL('./testing-paddle-worker.mjs', import.meta.url);
const img = (op: number, n = 8) => Buffer.from([op, ...Array(n - 1).fill(7)]);

describe('PaddleOCR worker thread', () => {
  it('returns the lines and leaves the caller’s buffer usable (the copy is transferred)', async () => {
    const t = createPaddleThread({ entry: FAKE });
    try {
      // a small Buffer lives inside Node's shared pool: transferring that would detach the pool
      const small = Buffer.from('9abc');
      expect(await t.lines(small)).toEqual([{ text: 'len 4', conf: 0.9, x0: 0, y0: 0, x1: 10, y1: 5 }]);
      expect(small.toString()).toBe('9abc');
      expect(small.buffer.byteLength).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('fails the pending calls when the thread exits or throws, then starts a fresh one', async () => {
    const t = createPaddleThread({ entry: FAKE });
    try {
      // held by the thread that is about to exit
      const hung = expect(t.lines(img(3))).rejects.toThrow(/exited/);
      await expect(t.lines(img(0))).rejects.toThrow(/exited/);
      await hung;
      expect((await t.lines(img(9, 5)))[0].text).toBe('len 5');
      await expect(t.lines(img(1))).rejects.toThrow(/crashed: boom/);
      expect((await t.lines(img(9, 6)))[0].text).toBe('len 6');
      await expect(t.lines(img(2))).rejects.toThrow(/bad image/);
      expect((await t.lines(img(9, 7)))[0].text).toBe('len 7'); // an error reply keeps the thread
    } finally {
      await t.close();
    }
  });

  it('remembers an engine that failed to load: later calls fail at once', async () => {
    const t = createPaddleThread({ entry: FAKE });
    try {
      await expect(t.lines(img(4))).rejects.toThrow(/no models/);
      await expect(t.lines(img(9))).rejects.toThrow(/no models/);
    } finally {
      await t.close();
    }
  });

  it('close() fails what is pending and refuses later calls', async () => {
    const t = createPaddleThread({ entry: FAKE });
    const hung = expect(t.lines(img(3))).rejects.toThrow(/closed/);
    await t.close();
    await hung;
    await expect(t.lines(img(9))).rejects.toThrow(/closed/);
  });
});
