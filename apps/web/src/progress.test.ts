import { describe, expect, it } from 'vitest';
import { applyEvent, batchSummary, parseEventData } from './progress.ts';

describe('batch progress', () => {
  it('folds events per file and reports the batch', () => {
    let s = {};
    s = applyEvent(s, { submissionId: 'a', status: 'extracting', progress: 0.5 });
    s = applyEvent(s, { submissionId: 'b', status: 'queued' });
    expect(batchSummary(s)).toEqual({ files: 2, done: 0, failed: 0, progress: 0.25 });
    s = applyEvent(s, { submissionId: 'a', status: 'graded', total: 12 });
    s = applyEvent(s, { submissionId: 'b', status: 'failed', statusReason: 'encrypted PDF' });
    const sum = batchSummary(s);
    expect(sum).toEqual({ files: 2, done: 2, failed: 1, progress: 1 });
    expect((s as any).a.total).toBe(12);
    expect((s as any).b.statusReason).toBe('encrypted PDF');
  });
  it('keeps the last progress when an event has none and clamps bad values', () => {
    let s = applyEvent({}, { submissionId: 'a', status: 'grading', progress: 0.7 });
    s = applyEvent(s, { submissionId: 'a', status: 'grading' });
    expect(s.a.progress).toBe(0.7);
    s = applyEvent(s, { submissionId: 'a', status: 'grading', progress: 7 });
    expect(s.a.progress).toBe(1);
  });
  it('drops malformed event data', () => {
    expect(parseEventData('{"submissionId":"a","status":"queued"}')).toEqual({
      submissionId: 'a',
      status: 'queued',
    });
    expect(parseEventData('not json')).toBeNull();
    expect(parseEventData('{"status":"queued"}')).toBeNull();
  });
});
