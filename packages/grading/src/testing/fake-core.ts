// A fast stand-in for the OCR/grading core, for tests of the queue, database and API plumbing
// (the real core has its own tests). "PDFs" here are text: a `%PDF-` line, then `roll: X`,
// `name: Y` and `<partId>: <answer>` lines, pages apart by `---page---` lines (a stack: a page with
// a `roll:` or `name:` line starts a script). Rubric YAML: `parts: {<id>: {max, key}}`.

const PAGE_BREAK = '---page---';

function fakePages(text: string): string[] {
  return text.split('\n').slice(1).join('\n').split(`\n${PAGE_BREAK}\n`);
}

import { matchStudent, type Roster } from '@grader/ingest';
import { IngestError } from '@grader/ingest/errors';
import type { ExtractedScript, PartGrade, ScriptGrade } from '@grader/model';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Extractor, GradingCore } from '../core.ts';
import { fakeVersioned } from './fake-versions.ts';

export function fakeExtractor(opts: { delayMs?: number } = {}): Extractor & { calls: number } {
  const ex = {
    calls: 0,
    async extract(
      bytes: Uint8Array,
      o: {
        fileName: string;
        onProgress?: (p: number) => void;
        roster?: Roster;
        pages?: { from: number; to: number };
      },
    ) {
      ex.calls++;
      const text = Buffer.from(bytes).toString('utf8');
      if (!text.startsWith('%PDF-')) throw new IngestError('not_pdf', `${o.fileName} is not a PDF`);
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      o.onProgress?.(0.5);
      let pages = fakePages(text);
      if (o.pages) {
        if (o.pages.from < 1 || o.pages.to > pages.length || o.pages.from > o.pages.to)
          throw new IngestError('empty', `pages ${o.pages.from}-${o.pages.to} are not pages of the PDF`);
        pages = pages.slice(o.pages.from - 1, o.pages.to);
      }
      const fields = new Map<string, string>();
      for (const line of pages.join('\n').split('\n')) {
        const i = line.indexOf(':');
        if (i > 0) fields.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
      }
      const box = { x: 50, y: 100, w: 200, h: 20 };
      const parts: ExtractedScript['parts'] = {};
      for (const [k, v] of fields) {
        if (k === 'roll' || k === 'name') continue;
        parts[k] = {
          partId: k,
          text: v,
          lines: [],
          regions: [{ page: 1, box }],
          labelConf: 1,
          conf: v.includes('?') ? 0.3 : 1,
          occurrences: 1,
        };
      }
      const read = { name: fields.get('name') ?? null, roll: fields.get('roll') ?? null };
      // the real matcher: who a script belongs to is not something a fake may decide
      const m = o.roster?.length ? matchStudent(read, o.roster, 'text') : null;
      return {
        file: o.fileName,
        pageCount: pages.length,
        pages: pages.map((_, i) => ({
          page: i + 1,
          width: 595,
          height: 842,
          source: 'text' as const,
          conf: 1,
          rotation: 0,
        })),
        header: {
          ...read,
          course: null,
          region: null,
          conf: 1,
          match: m?.match ?? null,
          rosterChecked: !!o.roster?.length,
          issues: m?.issues ?? [],
        },
        parts,
        order: Object.keys(parts),
        unlabelled: [],
        rough: [],
        warnings: [],
      } satisfies ExtractedScript;
    },
    async split(bytes: Uint8Array) {
      const text = Buffer.from(bytes).toString('utf8');
      if (!text.startsWith('%PDF-')) throw new IngestError('not_pdf', 'not a PDF');
      const pages = fakePages(text);
      const starts = [1];
      pages.forEach((p, i) => {
        if (i > 0 && /^(roll|name):/m.test(p)) starts.push(i + 1);
      });
      return starts.map((from, i) => ({ from, to: (starts[i + 1] ?? pages.length + 1) - 1 }));
    },
    async close() {},
  };
  return ex;
}

const FakeRubric = z.object({
  parts: z.record(z.string(), z.object({ max: z.number().positive(), key: z.string() })),
});

export const fakeGrading: GradingCore = {
  checkRubric(_exam, yaml) {
    let doc: unknown;
    try {
      doc = parseYaml(yaml);
    } catch (err) {
      return [{ path: '', line: null, message: `not YAML: ${(err as Error).message}` }];
    }
    const r = FakeRubric.safeParse(doc);
    if (r.success) return null;
    return r.error.issues.map((i) => ({ path: i.path.join('.'), line: null, message: i.message }));
  },
  keys(_exam, parameters) {
    return { ...parameters };
  },
  parameterValues(_exam, parameters) {
    return Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, String(v)]));
  },
  batchFlags(exam, parameters, yaml, items, versions) {
    // similarity stand-in: scripts with identical answer text are flagged in pairs
    const grade = fakeGrading.prepare(exam, parameters, yaml, versions);
    const text = items.map((i) => JSON.stringify(Object.values(i.extraction.parts).map((p) => p.text)));
    return items.map((item, k) => {
      const g = grade(item.extraction, item.fileName, item.rosterVersion);
      const twin = items.findIndex((_, j) => j !== k && text[j] === text[k]);
      if (twin < 0) return { flags: g.flags, flagReasons: g.flagReasons };
      return {
        flags: [...g.flags, 'similarity' as const],
        flagReasons: { ...g.flagReasons, similarity: `same answers as ${items[twin].fileName}` },
      };
    });
  },
  similarityEvidence(_exam, _parameters, _yaml, items, a, b) {
    // stand-in: the answers both scripts wrote word for word
    const pa = items[a].extraction.parts;
    const pb = items[b].extraction.parts;
    const values = Object.keys(pa)
      .filter((id) => pb[id] && pa[id].text === pb[id].text)
      .map((id) => ({
        partId: id,
        value: pa[id].text,
        scripts: items.filter((i) => i.extraction.parts[id]?.text === pa[id].text).length,
      }));
    return { values, sentences: [] };
  },
  prepare(exam, parameters, yaml, versions) {
    if (versions?.length)
      return fakeVersioned(versions, parameters, (p) => fakeGrading.prepare(exam, p, yaml));
    const rubric = FakeRubric.parse(parseYaml(yaml));
    return (extraction, fileName): ScriptGrade => {
      const parts: Record<string, PartGrade> = {};
      for (const [id, spec] of Object.entries(rubric.parts)) {
        const ans = extraction.parts[id];
        const key = String(parameters[id] ?? spec.key);
        const unsure = !ans || ans.conf < 0.5;
        const right = ans?.text.replace('?', '') === key;
        parts[id] = {
          score: right ? spec.max : 0,
          max: spec.max,
          review: unsure,
          reasons: [!ans ? 'no answer found' : right ? `matches the key ${key}` : `expected ${key}`],
          items: [],
          confidence: ans ? ans.conf : 0,
          evidence: ans ? ans.regions : [],
        };
      }
      const total = Object.values(parts).reduce((s, p) => s + p.score, 0);
      const h = extraction.header;
      return {
        file: fileName,
        student: h.name || h.roll ? { name: h.name, roll: h.roll } : null,
        parts,
        total,
        flags: h.roll ? [] : ['header'],
        flagReasons: {},
      };
    };
  },
};

export const FAKE_RUBRIC_YAML = 'parts:\n  "1a": { max: 3, key: "42" }\n  "2a": { max: 2, key: "7" }\n';

/** A fake stack: one "PDF" of several fake scripts' pages (each script one page per entry). */
export function fakeStack(pages: Record<string, string>[]): Buffer {
  const body = pages.map((f) =>
    Object.entries(f)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  );
  return Buffer.from(['%PDF-1.7', body.join(`\n${PAGE_BREAK}\n`)].join('\n'));
}

/** A fake "PDF" for the fake extractor. */
export function fakePdf(fields: Record<string, string>): Buffer {
  return Buffer.from(['%PDF-1.7', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`)].join('\n'));
}
