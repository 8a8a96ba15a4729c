// A development aid: each engine's raw reading of an image, kept on disk under OCR_CACHE_DIR (unset:
// nothing is kept). Measuring a change to segmentation or grading on a corpus of scans then re-reads
// nothing: OCR is ~90 % of the time, and the same image gives the same reading. The pooling of the
// two engines' readings still runs, so a change to it is measured too.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type OcrCache = <T>(engine: string, image: Buffer, read: () => Promise<T>) => Promise<T>;

export function ocrCache(dir = process.env.OCR_CACHE_DIR): OcrCache {
  if (!dir) return (_engine, _image, read) => read();
  mkdirSync(dir, { recursive: true });
  return async (engine, image, read) => {
    const file = join(dir, `${engine}-${createHash('sha1').update(image).digest('hex')}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    const got = await read();
    writeFileSync(file, JSON.stringify(got));
    return got;
  };
}
