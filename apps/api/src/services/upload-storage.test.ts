import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleUploads } from './upload-storage.ts';

describe('stale uploads', () => {
  it('removes what a killed upload left behind, not a file a live request is writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uploads-'));
    writeFileSync(join(dir, 'old'), 'x');
    const hourAgo = (Date.now() - 2 * 60 * 60_000) / 1000;
    utimesSync(join(dir, 'old'), hourAgo, hourAgo);
    writeFileSync(join(dir, 'live'), 'y');
    expect(await removeStaleUploads(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['live']);
  });
});
