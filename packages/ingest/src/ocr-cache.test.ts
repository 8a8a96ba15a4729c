import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrCache } from './ocr-cache.ts';

describe('the development OCR cache', () => {
  it('reads an image once per engine and returns the kept reading after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocr-cache-'));
    const cache = ocrCache(dir);
    let reads = 0;
    const read = async () => ({ words: [{ text: `read ${++reads}` }] });
    const img = Buffer.from('page one');
    expect(await cache('tesseract', img, read)).toEqual({ words: [{ text: 'read 1' }] });
    expect(await cache('tesseract', img, read)).toEqual({ words: [{ text: 'read 1' }] });
    expect(await cache('paddle', img, read)).toEqual({ words: [{ text: 'read 2' }] });
    expect(await cache('tesseract', Buffer.from('page two'), read)).toEqual({ words: [{ text: 'read 3' }] });
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('keeps nothing when no directory is set', async () => {
    const cache = ocrCache('');
    let reads = 0;
    const read = async () => ++reads;
    await cache('tesseract', Buffer.from('x'), read);
    expect(await cache('tesseract', Buffer.from('x'), read)).toBe(2);
  });
});
