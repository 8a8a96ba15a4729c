// Multer storage for batch uploads: each file is written to a temporary file while its bytes are
// counted; one that passes the per-file limit stops being written (and its partial copy is
// deleted) but is read to its end, so the files after it in the same request still arrive.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

export type StoredFile = Express.Multer.File & { tooLarge?: boolean };

export const isTooLarge = (f: Express.Multer.File): boolean => (f as StoredFile).tooLarge === true;

export function sizeLimitedDiskStorage(dir: string, maxBytes: number): StorageEngine {
  return {
    _handleFile(
      _req: Request,
      file: Express.Multer.File,
      cb: (error?: unknown, info?: Partial<StoredFile>) => void,
    ) {
      const path = join(dir, randomBytes(16).toString('hex'));
      const out = createWriteStream(path);
      const input = file.stream;
      let size = 0;
      let over = false;
      let settled = false;
      let dropped: Promise<unknown> = Promise.resolve();
      const settle = (err: unknown, info?: Partial<StoredFile>) => {
        if (settled) return;
        settled = true;
        cb(err ?? null, info);
      };
      const drop = () =>
        new Promise<void>((resolve) => {
          out.once('close', () => resolve());
          out.destroy();
        }).then(() => rm(path, { force: true }));

      input.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (over) return; // read on to the end, keep nothing
        if (size > maxBytes) {
          over = true;
          dropped = drop();
          return;
        }
        if (!out.write(chunk)) {
          input.pause();
          out.once('drain', () => input.resume());
        }
      });
      input.on('end', () => {
        if (over) {
          dropped.then(
            () => settle(null, { size, tooLarge: true }),
            (err) => settle(err),
          );
        } else out.end(() => settle(null, { path, size }));
      });
      input.on('error', (err) => {
        void drop().finally(() => settle(err));
      });
      out.on('error', (err) => {
        if (over) return;
        input.resume();
        void rm(path, { force: true }).finally(() => settle(err));
      });
    },
    _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void) {
      if (!file.path) return cb(null);
      rm(file.path, { force: true }).then(
        () => cb(null),
        (err) => cb(err as Error),
      );
    },
  };
}

/**
 * Removes temporary upload files left by a process that died mid-upload (a live request's files
 * are younger than `olderThanMs`). Run when the API starts; failures to remove are ignored.
 */
export async function removeStaleUploads(dir: string, olderThanMs = 60 * 60_000): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (s?.isFile() && Date.now() - s.mtimeMs > olderThanMs) {
      await rm(path, { force: true }).catch(() => {});
      removed++;
    }
  }
  return removed;
}
