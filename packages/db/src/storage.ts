import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded files live. Keys are content hashes, so storing the same bytes twice is one file.
 * Local disk by default; an S3-compatible store implements the same four methods.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ key: string; hash: string; size: number }>;
  get(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
  /** gone for good (a deleted submission); the caller checks nothing else still uses the key */
  remove(key: string): Promise<void>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const KEY = /^[0-9a-f]{64}$/;

export class LocalBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key "${key}"`);
    return join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(bytes: Uint8Array) {
    const hash = sha256(bytes);
    const file = this.path(hash);
    if (!(await this.has(hash))) {
      await mkdir(join(file, '..'), { recursive: true });
      // write then rename: a reader never sees half a file, and concurrent writers agree
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    }
    return { key: hash, hash, size: bytes.byteLength };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async has(key: string): Promise<boolean> {
    try {
      await stat(this.path(key));
      return true;
    } catch {
      return false;
    }
  }
}
