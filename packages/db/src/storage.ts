import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded files live. Keys are content hashes, so storing the same bytes twice is one file.
 * Beside them, files derived from them (page images) under names the caller builds (`pageImageName`).
 * Local disk by default; an S3-compatible store implements the same methods.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ key: string; hash: string; size: number }>;
  get(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
  /** gone for good (a deleted submission); the caller checks nothing else still uses the key */
  remove(key: string): Promise<void>;
  /** a derived file, replaced whole (readers never see half of it) */
  putDerived(name: string, bytes: Uint8Array): Promise<void>;
  /** null: not there (not made yet) */
  getDerived(name: string): Promise<Buffer | null>;
  hasDerived(name: string): Promise<boolean>;
  /** every derived file whose name starts with `folder/` */
  removeDerived(folder: string): Promise<void>;
}

/**
 * Page images, rendered once by the worker (ingest: `page`; stack split: `thumb`) and only read by
 * the API. DPI per size; the renderer caps the longest side at 2,400 px whatever the DPI.
 */
export const PAGE_IMAGE_DPI = { page: 110, thumb: 40 } as const;
export type PageImageSize = keyof typeof PAGE_IMAGE_DPI;

/** All page images of one stored file (removed with it). */
export const pageImagesOf = (storageKey: string) => `pages/${storageKey}`;

/**
 * One page (1-based, of the stored file) at one size. Keyed by the stored file, not the
 * submission: a stack's scripts share its file, and so do its thumbnails' pages.
 */
export const pageImageName = (storageKey: string, filePage: number, size: PageImageSize) =>
  `${pageImagesOf(storageKey)}/${filePage}-${size}.png`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const KEY = /^[0-9a-f]{64}$/;
/** segments of letters, digits, `.`, `-`, `_`, each starting with a letter or digit (no `..`) */
const DERIVED = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/i;

export class LocalBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key "${key}"`);
    return join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  private derivedPath(name: string): string {
    if (!DERIVED.test(name) || name.length > 300) throw new Error(`invalid derived file name "${name}"`);
    return join(this.dir, 'derived', name);
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

  async putDerived(name: string, bytes: Uint8Array): Promise<void> {
    const file = this.derivedPath(name);
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  }

  async getDerived(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.derivedPath(name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async hasDerived(name: string): Promise<boolean> {
    try {
      await stat(this.derivedPath(name));
      return true;
    } catch {
      return false;
    }
  }

  async removeDerived(folder: string): Promise<void> {
    await rm(this.derivedPath(folder), { recursive: true, force: true });
  }
}
