// What changed in the database, as the triggers of migration 20261203_read_changes announce it on
// the `grader_reads` channel at commit: a submission, an exam's scripts, or everything. The API's
// read cache listens, so a write by any process (the worker's grades, another API instance, a
// script) evicts what it made stale.
import pg from 'pg';

export const CHANGES_CHANNEL = 'grader_reads';

/** One notice: a submission (and the exam whose lists show it, when known), every script of an
 *  exam, or everything. */
export type Change =
  | { kind: 'submission'; id: string; examId: string | null }
  | { kind: 'exam'; id: string }
  | { kind: 'all' };

export function parseChange(payload: string | undefined): Change {
  if (payload?.startsWith('s:')) {
    const [id, examId] = payload.slice(2).split(':');
    return { kind: 'submission', id, examId: examId || null };
  }
  if (payload?.startsWith('e:')) return { kind: 'exam', id: payload.slice(2) };
  // '*', or a notice this version does not know: the safe reading is "anything may have changed"
  return { kind: 'all' };
}

export interface ChangeFeed {
  /** true while listening: notices are arriving, so what was read may be kept */
  readonly live: boolean;
  close(): Promise<void>;
}

export interface ChangeFeedHandlers {
  onChange(change: Change): void;
  /** listening began (true) or stopped (false: notices may be lost until it begins again) */
  onLive?(live: boolean): void;
}

/**
 * Listen on one connection of its own (LISTEN needs a session; a pool would hand it back), and
 * reconnect after a loss with a growing delay up to `maxDelayMs`. While not listening `live` is
 * false, and the handler hears `onLive(false)` first, so a cache can forget what it holds.
 */
export function listenForChanges(
  connectionString: string,
  handlers: ChangeFeedHandlers,
  opts: { maxDelayMs?: number } = {},
): ChangeFeed {
  const maxDelay = opts.maxDelayMs ?? 5_000;
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let delay = 100;
  let timer: NodeJS.Timeout | null = null;

  const setLive = (v: boolean) => {
    if (live === v) return;
    live = v;
    handlers.onLive?.(v);
  };
  // stop listening on the current connection (its late errors ignored) and let it go
  const dropClient = async () => {
    setLive(false);
    const c = client;
    client = null;
    c?.removeAllListeners();
    c?.on('error', () => {});
    await c?.end().catch(() => {});
  };
  const retry = () => {
    void dropClient();
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(maxDelay, delay * 2);
  };
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString });
    client = c;
    c.on('error', retry);
    c.on('end', () => {
      if (client === c) retry();
    });
    c.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) handlers.onChange(parseChange(n.payload));
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed || client !== c) return void c.end().catch(() => {});
      delay = 100;
      setLive(true);
    } catch {
      if (client === c) retry();
    }
  };
  void connect();
  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await dropClient();
    },
  };
}
