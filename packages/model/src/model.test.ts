import { describe, expect, it } from 'vitest';
import { ExtractedScript, ScriptGrade } from './index.ts';

describe('model schemas', () => {
  it('fills defaults and round-trips an extracted script through JSON', () => {
    const s = ExtractedScript.parse({
      pageCount: 1,
      pages: [{ page: 1, width: 595, height: 842, source: 'text', conf: 1 }],
      header: { name: 'A', roll: '20CS10042', course: null, region: null, conf: 1 },
      parts: {},
      order: [],
    });
    expect(s.pages[0].rotation).toBe(0);
    expect(s.header.issues).toEqual([]);
    expect(ExtractedScript.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('rejects a grade whose flag is not one of the contract flags', () => {
    const bad = { file: 'x.pdf', student: null, parts: {}, total: 0, flags: ['cheating'] };
    expect(ScriptGrade.safeParse(bad).success).toBe(false);
    expect(ScriptGrade.safeParse({ ...bad, flags: ['similarity'] }).success).toBe(true);
  });
});
