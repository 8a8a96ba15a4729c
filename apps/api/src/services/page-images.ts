// Page images for people: rendered once per stored file and page into the cache folder, then served
// from it. Concurrent first requests for the same page share one rendering, and each write goes to a
// temporary file of its own (a shared name let ten concurrent requests clobber each other).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const inFlight = new Map<string, Promise<Buffer>>();

/** Every cached rendering of a stored file (its file was deleted). */
export async function removeCachedPages(storageDir: string, storageKey: string): Promise<void> {
  const dir = join(storageDir, 'pages', storageKey.slice(0, 2));
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(`${storageKey}-`)).map((n) => rm(join(dir, n), { force: true })),
  );
}

export async function cachedPageImage(
  storageDir: string,
  storageKey: string,
  page: number,
  dpi: number,
  render: () => Promise<Buffer>,
): Promise<Buffer> {
  const dir = join(storageDir, 'pages', storageKey.slice(0, 2));
  const file = join(dir, `${storageKey}-${page}-${dpi}.png`);
  try {
    return await readFile(file);
  } catch {
    // not rendered yet
  }
  const running = inFlight.get(file);
  if (running) return running;
  const job = (async () => {
    const png = await render();
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, png);
    await rename(tmp, file);
    return png;
  })().finally(() => inFlight.delete(file));
  inFlight.set(file, job);
  return job;
}
