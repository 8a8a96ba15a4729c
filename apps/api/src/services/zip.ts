import { Unzip, UnzipInflate } from 'fflate';
import { describeLimit, tooLargeReason } from './limits.ts';

export interface ZipLimits {
  /** files in the zip (folders and __MACOSX/dot files aside); more and the zip is refused whole */
  maxEntries: number;
  /** per entry, uncompressed */
  maxEntryBytes: number;
  /** all entries together, uncompressed */
  maxTotalBytes: number;
}

export interface ZipResult {
  files: { name: string; bytes: Uint8Array }[];
  rejected: { file: string; reason: string }[];
}

/** A name that could escape a folder when extracted: absolute, drive letters, `..` segments. */
export function unsafeEntryName(name: string): boolean {
  const n = name.replaceAll('\\', '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').includes('..') || n.includes('\0');
}

/**
 * Unpack the PDFs of a zip in memory, never trusting its headers: sizes are counted while
 * inflating and an entry is cut off the moment it passes a limit (zip bombs), names that would
 * escape a folder are refused (traversal), and nothing is ever written to disk under its own name.
 */
export function unzipPdfs(zipName: string, bytes: Uint8Array, limits: ZipLimits): ZipResult {
  return unzipFiles(zipName, bytes, limits, ['.pdf']);
}

/** Same checks for any kind of entry (`extensions` lower-case, with the dot); others are rejected. */
export function unzipFiles(
  zipName: string,
  bytes: Uint8Array,
  limits: ZipLimits,
  extensions: string[],
): ZipResult {
  const out: ZipResult = { files: [], rejected: [] };
  let entries = 0;
  let total = 0;
  let stop: string | null = null;
  let refusal: string | null = null;
  const uz = new Unzip();
  uz.register(UnzipInflate);
  let seen = 0;
  uz.onfile = (f) => {
    seen++;
    const label = `${zipName}/${f.name}`;
    if (stop) return;
    if (f.name.endsWith('/')) return; // a folder
    const base = f.name.split('/').pop() ?? f.name;
    if (f.name.startsWith('__MACOSX/') || base.startsWith('.')) return;
    // every file counts, whatever its kind: a zip over the limit is refused whole (below)
    if (++entries > limits.maxEntries) {
      refusal = `more than ${limits.maxEntries} files in the zip: refused whole, nothing from it was taken (split it into smaller zips)`;
      stop = refusal;
      return;
    }
    if (unsafeEntryName(f.name)) {
      out.rejected.push({ file: label, reason: 'unsafe path in zip (absolute or "..")' });
      return;
    }
    if (!extensions.some((e) => base.toLowerCase().endsWith(e))) {
      out.rejected.push({ file: label, reason: `not a ${extensions.join(' or ')} file` });
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let dead = false;
    f.ondata = (err, chunk, final) => {
      if (dead) return;
      if (err) {
        dead = true;
        out.rejected.push({ file: label, reason: `corrupt zip entry: ${err.message}` });
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        dead = true;
        f.terminate();
        out.rejected.push({
          file: label,
          reason:
            size > limits.maxEntryBytes
              ? `file too large once unzipped: ${tooLargeReason(limits.maxEntryBytes)}`
              : `zip expands to too much data (zip bomb?): over ${describeLimit(limits.maxTotalBytes)} in all`,
        });
        if (total > limits.maxTotalBytes) stop = 'zip expands to too much data';
        return;
      }
      chunks.push(chunk);
      if (final) out.files.push({ name: base, bytes: Buffer.concat(chunks) });
    };
    try {
      f.start();
    } catch (err) {
      out.rejected.push({ file: label, reason: `unsupported zip entry: ${(err as Error).message}` });
    }
  };
  try {
    // feed in slices so a huge zip is inflated step by step and limits cut in early
    const STEP = 1 << 16;
    for (let i = 0; i < bytes.length && !stop; i += STEP) {
      uz.push(bytes.subarray(i, Math.min(bytes.length, i + STEP)), i + STEP >= bytes.length);
    }
  } catch (err) {
    out.rejected.push({ file: zipName, reason: `not a readable zip: ${(err as Error).message}` });
  }
  if (refusal) return { files: [], rejected: [{ file: zipName, reason: refusal }] };
  if (stop) out.rejected.push({ file: zipName, reason: stop });
  if (seen === 0 && out.rejected.length === 0)
    out.rejected.push({ file: zipName, reason: 'no files in the zip (or not a zip)' });
  return out;
}
