import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { type ExpectedEntry, ExpectedFile } from './expected.ts';

/** the part of a `grader grade --json` object this report reads */
const Graded = z.array(
  z
    .object({
      file: z.string(),
      student: z.object({ name: z.string().nullable(), roll: z.string().nullable() }).nullable().optional(),
      parts: z
        .record(
          z.string(),
          z.object({ score: z.number(), review: z.boolean(), reasons: z.array(z.string()).default([]) }),
        )
        .optional(),
      flags: z.array(z.string()).default([]),
      error: z.string().optional(),
    })
    .passthrough(),
);
type Graded = z.infer<typeof Graded>[number];

export interface Mismatch {
  file: string;
  part: string;
  variant: string;
  got: number;
  want: number;
  reason: string;
}

export interface Report {
  parts: number;
  auto: number;
  right: number;
  deferred: number;
  /** by format: [auto-graded parts, right] */
  byFormat: Record<string, { parts: number; auto: number; right: number }>;
  /** variant family (id without the layout suffix) -> mismatches */
  byVariant: Map<string, Mismatch[]>;
  /** deferred parts per variant family */
  deferredByVariant: Map<string, number>;
  flags: Record<string, { expected: number; found: number; missed: string[]; extra: string[] }>;
  rolls: { expected: number; read: number };
}

/** Compare expected.json with the grader's output: agreement, mismatches by variant, flags. */
export function compare(expected: ExpectedEntry[], graded: Graded[]): Report {
  const byFile = new Map(graded.map((g) => [basename(g.file), g]));
  const r: Report = {
    parts: 0,
    auto: 0,
    right: 0,
    deferred: 0,
    byFormat: {},
    byVariant: new Map(),
    deferredByVariant: new Map(),
    flags: {},
    rolls: { expected: 0, read: 0 },
  };
  for (const e of expected) {
    const g = byFile.get(e.file);
    r.byFormat[e.format] ??= { parts: 0, auto: 0, right: 0 };
    const f = r.byFormat[e.format];
    if (e.student?.roll) {
      r.rolls.expected++;
      if (g?.student?.roll?.toUpperCase() === e.student.roll.toUpperCase()) r.rolls.read++;
    }
    for (const name of ['header', 'organisation', 'similarity']) {
      r.flags[name] ??= { expected: 0, found: 0, missed: [], extra: [] };
      const fl = r.flags[name];
      const want = e.flags.includes(name as never);
      const got = g?.flags.includes(name) ?? false;
      if (want) fl.expected++;
      if (want && got) fl.found++;
      if (want && !got) fl.missed.push(e.file);
      if (!want && got) fl.extra.push(e.file);
    }
    for (const [part, want] of Object.entries(e.parts)) {
      r.parts++;
      f.parts++;
      const variant = (e.variants[part] ?? '').split(':')[0];
      const p = g?.parts?.[part];
      if (p?.review) {
        r.deferred++;
        r.deferredByVariant.set(variant, (r.deferredByVariant.get(variant) ?? 0) + 1);
        continue;
      }
      r.auto++;
      f.auto++;
      if (p && Math.abs(p.score - want) <= 0.01) {
        r.right++;
        f.right++;
        continue;
      }
      const list = r.byVariant.get(variant) ?? [];
      list.push({
        file: e.file,
        part,
        variant: e.variants[part],
        got: p?.score ?? Number.NaN,
        want,
        reason: g?.error ?? p?.reasons.join(' | ') ?? 'part missing',
      });
      r.byVariant.set(variant, list);
    }
  }
  return r;
}

export function formatReport(r: Report, opts: { reasons?: boolean } = {}): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
  const out: string[] = [];
  out.push(
    `parts ${r.parts}: auto-graded ${pct(r.auto, r.parts)}%, right-when-auto ${pct(r.right, r.auto)}% (${r.auto - r.right} wrong, ${r.deferred} deferred)`,
  );
  for (const [f, x] of Object.entries(r.byFormat))
    out.push(
      `  ${f.padEnd(7)} parts ${String(x.parts).padStart(4)}  auto ${pct(x.auto, x.parts).padStart(5)}%  right-when-auto ${pct(x.right, x.auto).padStart(5)}%`,
    );
  out.push(`roll numbers read ${r.rolls.read}/${r.rolls.expected}`);
  for (const [name, f] of Object.entries(r.flags))
    out.push(
      `flag ${name}: found ${f.found}/${f.expected}; missed [${f.missed.join(' ')}]; extra [${f.extra.join(' ')}]`,
    );
  const groups = [...r.byVariant].sort((a, b) => b[1].length - a[1].length);
  out.push(`mismatches by variant (${groups.length} variants):`);
  for (const [v, list] of groups) {
    const gots = list.map((m) => `${m.file.replace('.pdf', '')}:${m.got}`).join(' ');
    out.push(`  ${v.padEnd(24)} x${list.length}  want ${list[0].want}  got ${gots}`);
    if (opts.reasons)
      for (const m of list.slice(0, 2)) out.push(`      ${m.file} ${m.part}: ${m.reason.slice(0, 220)}`);
  }
  if (r.deferredByVariant.size)
    out.push(
      `deferred by variant: ${[...r.deferredByVariant]
        .sort((a, b) => b[1] - a[1])
        .map(([v, n]) => `${v} ${n}`)
        .join(', ')}`,
    );
  return out.join('\n');
}

// npx tsx packages/testkit/src/report.ts EXPECTED.json GRADED.json [--reasons]
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [exp, got, ...rest] = process.argv.slice(2);
  if (!exp || !got) {
    console.error('usage: report.ts EXPECTED.json GRADED.json [--reasons]');
    process.exit(2);
  }
  const expected = ExpectedFile.parse(JSON.parse(readFileSync(exp, 'utf8')));
  const graded = Graded.parse(JSON.parse(readFileSync(got, 'utf8')));
  console.log(formatReport(compare(expected, graded), { reasons: rest.includes('--reasons') }));
}
