// The lazily created engine instances behind the OCR pool.
import { describe, expect, it } from 'vitest';
import { lazyLanes } from './lanes.ts';

describe('lazyLanes', () => {
  it('creates instances only when needed, at most max, and queues the rest', async () => {
    let made = 0;
    const lanes = lazyLanes(1, async () => ({ id: ++made }));
    expect(made).toBe(0);
    const order: number[] = [];
    let release!: () => void;
    const first = lanes.use(
      (t) =>
        new Promise<void>((r) => {
          order.push(t.id);
          release = r;
        }),
    );
    const second = lanes.use(async (t) => {
      order.push(t.id * 10);
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([1]); // the second call waits for the only instance
    release();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 10]);
    expect(made).toBe(1);
  });

  it('fails calls, also those waiting, when the instance cannot be created', async () => {
    let tries = 0;
    const lanes = lazyLanes(1, async () => {
      tries++;
      await new Promise((r) => setTimeout(r, 5));
      throw new Error('no model');
    });
    const a = lanes.use(async () => 1);
    const b = lanes.use(async () => 2);
    await expect(a).rejects.toThrow('no model');
    await expect(b).rejects.toThrow('no model');
    await expect(lanes.use(async () => 3)).rejects.toThrow('no model');
    expect(tries).toBe(1);
  });
});
