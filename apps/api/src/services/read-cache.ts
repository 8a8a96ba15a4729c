// The answers of `GET /api/submissions/:id` and of an exam's submissions list, kept in memory so a
// TA paging through scripts (or a class opening released grades at once) does not cost one large
// query each. Correct because it
// forgets: every database write that a read shows sends a notice at commit (migration
// 20261203_read_changes), heard here through `listenForChanges`; a write this process makes clears it
// when the request ends; and nothing is kept while the notices are not being heard.
import { type Change, type ChangeFeed, listenForChanges } from '@grader/db';

export interface CachedRead<T> {
  /** the one script it shows; null: it shows the exam's scripts (a list), any change there counts */
  submissionId: string | null;
  examId: string;
  value: T;
}

export class ReadCache<T> {
  private readonly entries = new Map<string, CachedRead<T>>();
  /** keys by what they show, so a notice costs only the entries it names (a regrade's commit
   *  sends thousands at once; scanning every entry for each would hold the event loop) */
  private readonly bySubmission = new Map<string, Set<string>>();
  private readonly byExam = new Map<string, Set<string>>();
  private readonly listsByExam = new Map<string, Set<string>>();
  /** bumped by every eviction: a read that began before one may be stale, so it is not kept */
  private epoch = 0;
  private live = false;

  constructor(private readonly capacity: number) {}

  /** Whether what is read now may be kept (the notices are being heard and there is room). */
  get enabled(): boolean {
    return this.live && this.capacity > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Call before reading from the database; pass the result to `set`. */
  begin(): number {
    return this.epoch;
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // most recently used last: the first entry is the one to drop when full
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Keep a read, unless something changed since `begin` returned `since`. */
  set(key: string, since: number, entry: CachedRead<T>): void {
    if (!this.enabled || since !== this.epoch) return;
    this.remove(key);
    this.entries.set(key, entry);
    if (entry.submissionId === null) addTo(this.listsByExam, entry.examId, key);
    else addTo(this.bySubmission, entry.submissionId, key);
    addTo(this.byExam, entry.examId, key);
    while (this.entries.size > this.capacity) this.remove(this.entries.keys().next().value!);
  }

  apply(change: Change): void {
    this.epoch++;
    if (change.kind === 'all') {
      this.entries.clear();
      this.bySubmission.clear();
      this.byExam.clear();
      this.listsByExam.clear();
      return;
    }
    const keys =
      change.kind === 'exam'
        ? [...(this.byExam.get(change.id) ?? [])]
        : [
            ...(this.bySubmission.get(change.id) ?? []),
            // a script's change reaches its exam's lists; one whose exam is not named, every list
            ...(change.examId === null
              ? [...this.listsByExam.values()].flatMap((s) => [...s])
              : (this.listsByExam.get(change.examId) ?? [])),
          ];
    for (const key of keys) this.remove(key);
  }

  clear(): void {
    this.apply({ kind: 'all' });
  }

  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    if (e.submissionId === null) dropFrom(this.listsByExam, e.examId, key);
    else dropFrom(this.bySubmission, e.submissionId, key);
    dropFrom(this.byExam, e.examId, key);
  }
}

function addTo(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at);
  if (keys) keys.add(key);
  else index.set(at, new Set([key]));
}

function dropFrom(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(at);
}

/** A cache fed by the database's change notices (closed with the server). */
export function readCacheOver(connectionString: string, capacity: number) {
  const cache = new ReadCache<unknown>(capacity);
  const feed: ChangeFeed | null =
    capacity > 0
      ? listenForChanges(connectionString, {
          onChange: (c) => cache.apply(c),
          onLive: (live) => cache.setLive(live),
        })
      : null;
  return { cache, close: () => feed?.close() ?? Promise.resolve() };
}
