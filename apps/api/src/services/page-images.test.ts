import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedPageImage } from './page-images.ts';

describe('page images', () => {
  it('ten concurrent first requests share one rendering and all get the image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 30));
      return Buffer.from('PNG bytes');
    };
    const got = await Promise.all(
      Array.from({ length: 10 }, () => cachedPageImage(dir, 'abcdef', 1, 110, render)),
    );
    expect(got.every((b) => b.toString() === 'PNG bytes')).toBe(true);
    expect(renders).toBe(1);
    // served from the cache afterwards; no temporary files left behind
    await cachedPageImage(dir, 'abcdef', 1, 110, render);
    expect(renders).toBe(1);
    expect(readdirSync(join(dir, 'pages', 'ab'))).toEqual(['abcdef-1-110.png']);
  });
});
