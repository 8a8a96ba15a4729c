import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExpectedEntry, ExpectedFile, formatExpected } from './expected.ts';
import { PART_IDS, type PartId } from './key.ts';
import { renderOfficeBatch, renderScriptPdf } from './render/pdf.ts';
import { Rng } from './rng.ts';
import {
  type BuiltScript,
  buildScript,
  DEFAULT_FORMATS,
  type Flag,
  type Format,
  longSentences,
  type Plan,
  type RosterEntry,
  type Script,
  wrongSignature,
} from './script.ts';
import type { Answer } from './variants/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** the class list the samples use (samples/roster.csv at the repo root) */
export const DEFAULT_ROSTER = resolve(here, '../../../samples/roster.csv');

export interface CorpusOptions {
  seed: number;
  count: number;
  formats?: Format[];
  /** write PDFs + expected.json + roster.csv here; omit to only plan (no rendering) */
  outDir?: string;
  rosterPath?: string;
}

export interface Corpus {
  scripts: Script[];
  expected: ExpectedEntry[];
  roster: RosterEntry[];
}

const FORMAT_WEIGHT: Record<Format, number> = {
  typed: 0.45,
  scan: 0.25,
  phone: 0.1,
  mixed: 0.2,
  latex: 0.3,
  office: 0.3,
};
const FIRST = [
  'Aarav',
  'Priya',
  'Rahul',
  'Anjali',
  'Vivek',
  'Shreya',
  'Manish',
  'Kriti',
  'Sanjay',
  'Nandini',
];
const LAST = ['Sharma', 'Banerjee', 'Nair', 'Gupta', 'Kumar', 'Bose', 'Pandey', 'Saxena', 'Dutta', 'Hegde'];
const DEPTS = ['CS', 'EE', 'EC', 'MA', 'ME', 'AE', 'MI', 'MT', 'PH'];

export function readRoster(path: string): RosterEntry[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [roll, ...name] = l.split(',');
    return { roll: roll.trim(), name: name.join(',').trim() };
  });
}

/** Students for `count` scripts: the roster first, then made-up ones (added to the written roster). */
function students(
  rng: Rng,
  roster: RosterEntry[],
  count: number,
): { picked: RosterEntry[]; roster: RosterEntry[] } {
  const all = [...roster];
  const rolls = new Set(all.map((r) => r.roll));
  while (all.length < count) {
    const roll = `${rng.int(18, 21)}${rng.pick(DEPTS)}${rng.int(1, 3)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (rolls.has(roll)) continue;
    rolls.add(roll);
    all.push({ roll, name: `${rng.pick(FIRST)} ${rng.pick(LAST)}` });
  }
  return { picked: rng.shuffle(all).slice(0, count), roster: all };
}

function sigs(answers: Record<PartId, Answer>): Set<string> {
  return new Set(
    Object.values(answers)
      .filter((a) => a.wrong)
      .map(wrongSignature),
  );
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * Plan a corpus: pick students, formats, answers, flags. Pure and deterministic for a seed.
 * Scripts that are not a copying pair share at most one wrong result, so that only the pairs
 * deserve the `similarity` flag; each pair shares at least three.
 */
export function planCorpus(o: CorpusOptions): Corpus {
  const rng = new Rng(o.seed);
  const formats = o.formats?.length ? o.formats : DEFAULT_FORMATS;
  const rosterIn = readRoster(o.rosterPath ?? DEFAULT_ROSTER);
  const { picked, roster } = students(rng.fork(1), rosterIn, o.count);
  const nPairs = o.count >= 6 ? Math.max(1, Math.floor(o.count / 12)) : 0;
  const slots = rng.shuffle([...Array(o.count).keys()]);
  const partnerOf = new Map<number, number>();
  for (let p = 0; p < nPairs; p++) {
    const [a, b] = [slots[2 * p], slots[2 * p + 1]].sort((x, y) => x - y);
    partnerOf.set(a, b);
    partnerOf.set(b, a);
  }

  const built: BuiltScript[] = [];
  const wrongSets: Set<string>[] = [];
  const sentenceUsers = new Map<string, Set<number>>();
  for (let i = 0; i < o.count; i++) {
    const r = rng.fork(100 + i);
    const file = `s${String(i + 1).padStart(3, '0')}.pdf`;
    const format = r.weighted(formats, (f) => FORMAT_WEIGHT[f]);
    const partner = partnerOf.get(i);
    const partnerBuilt = partner !== undefined && partner < i ? built[partner] : undefined;
    const headerMissing = r.chance(0.09)
      ? r.weighted(['roll', 'name', 'both'] as const, (x) => (x === 'roll' ? 5 : x === 'name' ? 3 : 2))
      : null;
    const org = r.next();
    const organisation = org < 0.1 ? 'shuffle' : org < 0.17 ? 'split' : null;

    // a copier will also carry the partner's wrong results, whichever part they are in
    const copied = partnerBuilt ? wrongSets[partner!] : new Set<string>();
    const accept = (_part: PartId, a: Answer, sofar: Answer[]) => {
      // no sentence of 8+ words shared word for word with anyone but the partner
      for (const s of longSentences(a.lines)) {
        const users = sentenceUsers.get(s);
        if (users && [...users].some((j) => j !== partner)) return false;
      }
      if (!a.wrong) return true;
      const mine = new Set([...copied, ...sofar.filter((x) => x.wrong).map(wrongSignature)]);
      mine.add(wrongSignature(a));
      return wrongSets.every((other, j) => j === partner || shared(mine, other) <= 1);
    };

    let plan: Plan | undefined;
    let wantWrong: Set<PartId> | undefined;
    if (partnerBuilt) {
      // the copier takes over the partner's wrong answers (and what they were derived from)
      const forced: Plan['forced'] = {};
      const copy = new Set(PART_IDS.filter((p) => partnerBuilt.script.answers[p].wrong));
      if (copy.has('1b.ii')) copy.add('1b.i');
      if (copy.has('3c')) {
        copy.add('3a');
        copy.add('3b');
      }
      for (const p of copy) forced[p] = { variant: partnerBuilt.variants[p], seed: partnerBuilt.seeds[p] };
      plan = { forced, profile: partnerBuilt.script.profile };
    } else if (partner !== undefined) {
      wantWrong = new Set(
        r.shuffle(['1a', '1b.i', '2b', '3a', '3c', '4a', '4b', '5'] as PartId[]).slice(0, 5),
      );
    }
    const b = buildScript({
      file,
      format,
      student: picked[i],
      rng: r,
      headerMissing,
      organisation,
      plan,
      accept,
      wantWrong,
    });
    built.push(b);
    wrongSets.push(sigs(b.script.answers));
    for (const a of Object.values(b.script.answers))
      for (const s of longSentences(a.lines)) {
        const users = sentenceUsers.get(s) ?? new Set<number>();
        users.add(i);
        sentenceUsers.set(s, users);
      }
  }

  // similarity labels: pairs that really share at least three wrong results
  for (const [i, j] of partnerOf) {
    if (shared(wrongSets[i], wrongSets[j]) >= 3) {
      built[i].script.flags.push('similarity');
      built[i].script.similarTo = built[j].script.file;
    }
  }
  const scripts = built.map((b) => b.script);
  const expected = ExpectedFile.parse(scripts.map(toExpected));
  return { scripts, expected, roster };
}

const FLAG_ORDER: Flag[] = ['header', 'organisation', 'similarity'];

export function toExpected(s: Script): ExpectedEntry {
  const parts = Object.fromEntries(PART_IDS.map((p) => [p, s.answers[p].score])) as ExpectedEntry['parts'];
  const total = Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 100) / 100;
  return {
    file: s.file,
    format: s.format,
    style: s.labelStyle,
    student: s.student,
    parts,
    total,
    flags: FLAG_ORDER.filter((f) => s.flags.includes(f)),
    similar_to: s.similarTo,
    variants: Object.fromEntries(PART_IDS.map((p) => [p, s.answers[p].id])),
  };
}

/** Plan and write the corpus: PDFs, expected.json, roster.csv. */
export async function generateCorpus(o: CorpusOptions & { outDir: string }): Promise<Corpus> {
  const corpus = planCorpus(o);
  mkdirSync(o.outDir, { recursive: true });
  // LibreOffice starts once for all office scripts (its start-up costs seconds)
  const office = renderOfficeBatch(corpus.scripts.filter((s) => s.format === 'office'));
  for (const s of corpus.scripts)
    writeFileSync(join(o.outDir, s.file), office.get(s.file) ?? (await renderScriptPdf(s)));
  writeFileSync(join(o.outDir, 'expected.json'), formatExpected(corpus.expected));
  writeFileSync(
    join(o.outDir, 'roster.csv'),
    `roll,name\n${corpus.roster.map((r) => `${r.roll},${r.name}`).join('\n')}\n`,
  );
  return corpus;
}
