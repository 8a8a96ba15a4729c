import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unsafeEntryName, unzipPdfs } from './zip.ts';

const limits = { maxEntries: 5, maxEntryBytes: 1 << 20, maxTotalBytes: 2 << 20 };
const pdf = (s: string) => new TextEncoder().encode(`%PDF-1.7\n${s}`);

describe('unzipPdfs', () => {
  it('unpacks PDFs from folders and rejects other entries with a reason', () => {
    const zip = zipSync({ 'class/a.pdf': pdf('a'), 'b.PDF': pdf('b'), 'notes.txt': new Uint8Array([1]) });
    const r = unzipPdfs('batch.zip', zip, limits);
    expect(r.files.map((f) => f.name).sort()).toEqual(['a.pdf', 'b.PDF']);
    expect(Buffer.from(r.files.find((f) => f.name === 'a.pdf')!.bytes).toString()).toBe('%PDF-1.7\na');
    expect(r.rejected).toEqual([
      { file: 'batch.zip/notes.txt', reason: expect.stringMatching(/not a \.pdf/) },
    ]);
  });

  it('refuses entries whose names would escape a folder', () => {
    const zip = zipSync({ '../../evil.pdf': pdf('x'), '/abs.pdf': pdf('y'), 'ok.pdf': pdf('z') });
    const r = unzipPdfs('t.zip', zip, limits);
    expect(r.files.map((f) => f.name)).toEqual(['ok.pdf']);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/unsafe/),
      expect.stringMatching(/unsafe/),
    ]);
    expect(unsafeEntryName('a\\..\\b.pdf')).toBe(true);
    expect(unsafeEntryName('C:/x.pdf')).toBe(true);
    expect(unsafeEntryName('dir/x..y.pdf')).toBe(false);
  });

  it('cuts a decompression bomb off while inflating, whatever its headers claim', () => {
    const zeros = new Uint8Array(20 << 20); // 20 MB of zeros deflate to ~20 KB
    const zip = zipSync({ 'bomb.pdf': zeros }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    const r = unzipPdfs('bomb.zip', zip, limits);
    expect(r.files).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/too large once unzipped/);
  });

  it('stops at the total size; refuses a zip over the entry count whole', () => {
    const big = new Uint8Array(900 << 10);
    const many = zipSync(Object.fromEntries([1, 2, 3, 4].map((i) => [`f${i}.pdf`, big])));
    const r = unzipPdfs('many.zip', many, limits);
    expect(r.files.length).toBe(2); // 2 x 900 KB fit in 2 MB, the third does not
    expect(r.rejected.some((x) => /too much data/.test(x.reason))).toBe(true);
    const counted = unzipPdfs(
      'c.zip',
      zipSync(Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`f${i}.pdf`, pdf('')]))),
      limits,
    );
    // one file too many: the zip is refused whole, nothing of it is taken
    expect(counted.files).toEqual([]);
    expect(counted.rejected).toEqual([
      { file: 'c.zip', reason: expect.stringMatching(/more than 5 files.*whole/) },
    ]);
    // every file counts, PDF or not; folders and __MACOSX/dot files do not
    const mixed = zipSync({
      'a.pdf': pdf(''),
      'b.txt': pdf(''),
      'c.txt': pdf(''),
      'd.pdf': pdf(''),
      'e.pdf': pdf(''),
      'f.doc': pdf(''),
    });
    expect(unzipPdfs('m.zip', mixed, limits).files).toEqual([]);
    const junk = zipSync({
      'dir/': new Uint8Array(),
      '__MACOSX/._a.pdf': pdf(''),
      '.DS_Store': new Uint8Array([1]),
      ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`f${i}.pdf`, pdf('')])),
    });
    expect(unzipPdfs('j.zip', junk, limits).files).toHaveLength(5);
  });

  it('reports a file that is not a zip at all instead of throwing', () => {
    const r = unzipPdfs('junk.zip', new TextEncoder().encode('PK\u0003\u0004 garbage garbage'), limits);
    expect(r.files).toEqual([]);
    expect(r.rejected.length).toBeGreaterThan(0);
  });
});
