/**
 * A rubric, parameter or version change regrades on the server's worker: the API answers 202 with
 * the regrade and the exam keeps its current version until the regrade is done. This follows one
 * to its end: progress from the exam's event stream (`event: regrade`), with polling of the regrade
 * as a fallback (and for the final summary, which the events leave out).
 */
import type * as C from '@grader/contract';
import { api } from './api.ts';
import { progressBar } from './components.ts';
import { h } from './dom.ts';

export type RegradeRun = C.RegradeRun;

const isOver = (r: RegradeRun) => r.status === 'done' || r.status === 'failed';

function parseRun(data: string): RegradeRun | null {
  try {
    const r = JSON.parse(data) as RegradeRun;
    return typeof r?.id === 'string' && typeof r.done === 'number' ? r : null;
  } catch {
    return null;
  }
}

/** Follow a regrade until it is done or failed; resolves with its final view (summary included). */
export function watchRegrade(
  examId: string,
  regradeId: string,
  onProgress: (r: RegradeRun) => void,
  pollMs = 1500,
): Promise<RegradeRun> {
  const base = `/api/exams/${encodeURIComponent(examId)}`;
  return new Promise((resolve, reject) => {
    let over = false;
    let timer: number | undefined;
    let es: EventSource | null = null;
    const end = () => {
      over = true;
      window.clearTimeout(timer);
      es?.close();
    };
    const check = async () => {
      if (over) return;
      window.clearTimeout(timer);
      try {
        const r = await api.get<RegradeRun>(`${base}/regrades/${encodeURIComponent(regradeId)}`);
        if (over) return;
        if (isOver(r)) {
          end();
          return resolve(r);
        }
        onProgress(r);
      } catch (e) {
        end();
        return reject(e);
      }
      timer = window.setTimeout(() => void check(), pollMs);
    };
    if (typeof EventSource !== 'undefined') {
      es = new EventSource(`${base}/events`, { withCredentials: true });
      es.addEventListener('regrade', (m) => {
        const r = parseRun((m as MessageEvent).data);
        if (!r || r.id !== regradeId || over) return;
        if (isOver(r)) void check();
        else onProgress(r);
      });
    }
    void check();
  });
}

/** The progress line of a running regrade. */
export function regradeProgress(r: RegradeRun, what = 'Regrading'): HTMLElement {
  const text =
    r.status === 'queued' || r.total === 0
      ? `${what}: waiting for the worker…`
      : `${what}: ${r.done} of ${r.total} scripts`;
  return h(
    'div',
    { 'data-testid': 'regrade-progress' },
    progressBar(r.total ? r.done / r.total : 0, `${what} progress`, text),
  );
}
