/**
 * Live progress of a batch, folded from the server-sent events of `/api/exams/:id/events`
 * (`{submissionId, status, progress (0..1), total?}`). Pure: (state, event) -> state.
 */
import { isFinal } from './format.ts';

export interface ProgressEvent {
  submissionId: string;
  status: string;
  progress?: number;
  total?: number | null;
  statusReason?: string | null;
}

export interface FileProgress {
  status: string;
  progress: number;
  total?: number | null;
  statusReason?: string | null;
}

export type BatchState = Record<string, FileProgress>;

export function applyEvent(state: BatchState, ev: ProgressEvent): BatchState {
  const prev = state[ev.submissionId];
  const p = Number.isFinite(ev.progress) ? Math.min(1, Math.max(0, ev.progress as number)) : undefined;
  const progress = isFinal(ev.status) ? 1 : (p ?? prev?.progress ?? 0);
  return {
    ...state,
    [ev.submissionId]: {
      status: ev.status,
      progress,
      total: ev.total ?? prev?.total ?? null,
      statusReason: ev.statusReason ?? (ev.status === 'failed' ? prev?.statusReason : null),
    },
  };
}

/** Overall batch progress: the mean of file progress; done/failed counts for the bar's label. */
export function batchSummary(state: BatchState): {
  files: number;
  done: number;
  failed: number;
  progress: number;
} {
  const files = Object.values(state);
  if (files.length === 0) return { files: 0, done: 0, failed: 0, progress: 0 };
  const done = files.filter((f) => isFinal(f.status)).length;
  const failed = files.filter((f) => f.status === 'failed').length;
  const progress = files.reduce((a, f) => a + f.progress, 0) / files.length;
  return { files: files.length, done, failed, progress };
}

/** Parse one SSE `data:` payload; anything malformed is dropped rather than breaking the page. */
export function parseEventData(data: string): ProgressEvent | null {
  try {
    const v = JSON.parse(data);
    if (v && typeof v.submissionId === 'string' && typeof v.status === 'string') return v as ProgressEvent;
  } catch {
    // not JSON: e.g. a keep-alive comment the browser passed through
  }
  return null;
}
