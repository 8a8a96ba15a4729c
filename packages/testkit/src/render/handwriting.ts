// The handwriting corpus (packages/testkit/handwriting/): scripts whose answers and true scores
// come from the variant library (scored from the rubric document, like the rest of the testkit),
// written in Hershey stroke hands with label styles and page habits the other renderers do not
// use, then scanned or photographed. See packages/testkit/handwriting/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { DEFAULT_ROSTER, readRoster, toExpected } from '../corpus.ts';
import { type ExpectedEntry, formatExpected } from '../expected.ts';
import type { PartId } from '../key.ts';
import { partPath } from '../labels.ts';
import { Rng } from '../rng.ts';
import { buildScript, type Script } from '../script.ts';
import {
  type Capture,
  drawHandPages,
  type Hand,
  type HandPageStyle,
  type LabelDecor,
  MARK,
  photographPage,
  scanPage,
} from './hand.ts';
import { requireHershey } from './hershey.ts';
import type { Item } from './layout.ts';
import { parseMarkup } from './markup.ts';

/** Label styles not used by the other renderers (`prev`: the part written just before). */
export const HAND_LABEL_STYLES: Record<string, (part: PartId, prev: PartId | null) => string> = {
  'Question 1 part (b)(i)': (part) => {
    const { q, sub, roman } = partPath(part);
    return `Question ${q}${sub ? ` part (${sub})` : ''}${roman ? `(${roman})` : ''}`;
  },
  '(1)(b)(i)': (part) => {
    const { q, sub, roman } = partPath(part);
    return `(${q})${sub ? `(${sub})` : ''}${roman ? `(${roman})` : ''}`;
  },
  // 1a. 1bi. 1bii. ... and question 5 as a bare "5"
  '1bi. / bare 5': (part) => {
    const { q, sub, roman } = partPath(part);
    return sub ? `${q}${sub}${roman ?? ''}.` : q;
  },
  // "1. (a)", then "(b) i.", then a bare "ii."; "2. (a)", "(b)"; "5."
  'nested (b) i. / ii.': (part, prev) => {
    const p = partPath(part);
    const b = prev ? partPath(prev) : null;
    const sameQ = b?.q === p.q;
    const sameSub = sameQ && b?.sub === p.sub;
    if (!p.sub) return `${p.q}.`;
    if (sameSub && p.roman) return `${p.roman}.`;
    const sub = `(${p.sub})${p.roman ? ` ${p.roman}.` : ''}`;
    return sameQ ? sub : `${p.q}. ${sub}`;
  },
};

/** Writers. The tune and held-out halves use different faces and habits. */
export const HANDS: Record<string, Hand> = {
  'print-upright': {
    id: 'print-upright',
    font: 'futural',
    slant: 0.05,
    size: 0.5,
    jitter: 0.45,
    wobble: 3,
    scaleVar: 0.06,
    baselineVar: 0.8,
    elastic: 1.6,
    pen: 1.7,
    penVar: 0.15,
    spacing: 0.95,
    ink: [25, 40, 110],
  },
  'script-leaning': {
    id: 'script-leaning',
    font: 'scripts',
    slant: 0.22,
    size: 0.52,
    jitter: 0.5,
    wobble: 3.5,
    scaleVar: 0.07,
    baselineVar: 1,
    elastic: 2,
    pen: 1.5,
    penVar: 0.2,
    spacing: 0.92,
    ink: [30, 30, 35],
  },
  'roman-small': {
    id: 'roman-small',
    font: 'rowmans',
    slant: -0.05,
    size: 0.46,
    jitter: 0.55,
    wobble: 4,
    scaleVar: 0.08,
    baselineVar: 1.1,
    elastic: 2.2,
    pen: 1.9,
    penVar: 0.25,
    spacing: 0.9,
    ink: [15, 55, 125],
  },
  'cursive-fast': {
    id: 'cursive-fast',
    font: 'cursive',
    slant: 0.3,
    size: 0.55,
    jitter: 0.6,
    wobble: 4,
    scaleVar: 0.08,
    baselineVar: 1.2,
    elastic: 2.5,
    pen: 1.6,
    penVar: 0.25,
    spacing: 0.9,
    ink: [40, 40, 60],
  },
};

export type Split = 'tune' | 'heldout';

/** What each script of the committed set is: format, hand, labels and habits. */
export interface HandSpec {
  file: string;
  split: Split;
  format: 'scan' | 'phone';
  hand: string;
  labels: string;
  decor: LabelDecor;
  /** each question starts a new page */
  questionPerPage: boolean;
  ruled: boolean;
  /** label and first answer line on one line */
  labelInline: boolean;
}

export const DEFAULT_SPECS: HandSpec[] = [
  {
    file: 'h01.pdf',
    split: 'tune',
    format: 'scan',
    hand: 'print-upright',
    labels: 'Question 1 part (b)(i)',
    decor: 'underline',
    questionPerPage: false,
    ruled: true,
    labelInline: false,
  },
  {
    file: 'h02.pdf',
    split: 'tune',
    format: 'scan',
    hand: 'script-leaning',
    labels: '1bi. / bare 5',
    decor: 'circle',
    questionPerPage: true,
    ruled: false,
    labelInline: true,
  },
  {
    file: 'h03.pdf',
    split: 'tune',
    format: 'phone',
    hand: 'print-upright',
    labels: 'nested (b) i. / ii.',
    decor: 'none',
    questionPerPage: false,
    ruled: false,
    labelInline: true,
  },
  {
    file: 'h04.pdf',
    split: 'tune',
    format: 'phone',
    hand: 'script-leaning',
    labels: '(1)(b)(i)',
    decor: 'underline',
    questionPerPage: true,
    ruled: true,
    labelInline: false,
  },
  {
    file: 'h05.pdf',
    split: 'heldout',
    format: 'scan',
    hand: 'roman-small',
    labels: '(1)(b)(i)',
    decor: 'circle',
    questionPerPage: false,
    ruled: true,
    labelInline: true,
  },
  {
    file: 'h06.pdf',
    split: 'heldout',
    format: 'scan',
    hand: 'cursive-fast',
    labels: 'nested (b) i. / ii.',
    decor: 'underline',
    questionPerPage: true,
    ruled: false,
    labelInline: false,
  },
  {
    file: 'h07.pdf',
    split: 'heldout',
    format: 'phone',
    hand: 'roman-small',
    labels: '1bi. / bare 5',
    decor: 'underline',
    questionPerPage: false,
    ruled: false,
    labelInline: false,
  },
  {
    file: 'h08.pdf',
    split: 'heldout',
    format: 'phone',
    hand: 'cursive-fast',
    labels: 'Question 1 part (b)(i)',
    decor: 'circle',
    questionPerPage: true,
    ruled: true,
    labelInline: true,
  },
];

/** The true text of one answer block as written (markup kept), with its numbers. */
export interface TruthBlock {
  part: PartId;
  label: string;
  lines: string[];
  /** numbers on the baseline (not sub/superscripts), grouping commas removed, struck-out values left out */
  numbers: string[];
  /** what the page shows beyond the text: a boxed value, a struck-out value before the right one */
  habits: string[];
}

export interface HandScript {
  spec: HandSpec;
  script: Script;
  expected: ExpectedEntry;
  header: string[];
  blocks: TruthBlock[];
  items: Item[];
  /** the writer (a cursive hand writing in capitals prints them: cursive capitals are ornaments) */
  hand: Hand;
  page: HandPageStyle;
  capture: Capture;
  renderSeed: number;
}

/** Numbers as the bench compares them: `3,088,878` -> `3088878`, `.05` -> `0.05`. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:,\d{2,3})*(?:\.\d+)?|\.\d+/g) ?? []).map((n) => {
    const s = n.replace(/,/g, '');
    return s.startsWith('.') ? `0${s}` : s;
  });
}

const baselineText = (line: string) =>
  parseMarkup(line)
    .filter((g) => g.kind === 'n')
    .map((g) => g.text)
    .join(' ');

const PURE_NUMBER = /^\d+(?:,\d{2,3})*(?:\.\d+)?$/;

/** Another value of the same shape (a slip the student then corrected). */
function slip(tok: string, rng: Rng): string {
  const digits = [...tok].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = rng.pick(digits);
  const d = Number(tok[i]);
  const nd = (d + rng.int(1, 8)) % 10;
  const out = tok.slice(0, i) + String(i === 0 && nd === 0 ? 1 : nd) + tok.slice(i + 1);
  return out === tok ? `${tok}1` : out;
}

/** Paper, line drift and page numbers of one writer's pages (ruling and label decoration are the caller's). */
export function pageStyleOf(rng: Rng): HandPageStyle {
  return {
    ruled: false,
    paper: rng.pick([
      [251, 250, 244],
      [247, 245, 236],
      [253, 253, 251],
    ] as [number, number, number][]),
    decor: 'none',
    drift: rng.range(0.004, 0.012),
    pageNumbers: rng.chance(0.5),
  };
}

/** A flatbed scan (150-200 DPI, light, grain, JPEG) or a phone photo (perspective, shadow, strong JPEG). */
export function captureOf(format: 'scan' | 'phone', rng: Rng): Capture {
  return format === 'scan'
    ? {
        kind: 'scan',
        dpi: rng.pick([150, 175, 200]),
        rotation: rng.range(-1.5, 1.5),
        light: rng.range(0.08, 0.25),
        noise: rng.range(4, 10),
        quality: rng.int(45, 70),
      }
    : {
        kind: 'phone',
        pageDpi: rng.range(110, 130),
        coverage: rng.range(0.74, 0.86),
        tilt: rng.range(0.04, 0.12),
        rotation: rng.range(-6, 6),
        shadow: rng.range(0.3, 0.55),
        blob: rng.range(0.15, 0.35),
        desk: rng.pick([
          [70, 52, 40],
          [48, 50, 56],
          [95, 72, 50],
          [35, 36, 40],
        ] as [number, number, number][]),
        noise: rng.range(4, 9),
        quality: rng.int(25, 45),
      };
}

function planOne(spec: HandSpec, student: { roll: string; name: string }, seed: number): HandScript {
  const rng = new Rng(seed);
  const built = buildScript({ file: spec.file, format: spec.format, student, rng, organisation: null });
  const s = built.script;
  const label = HAND_LABEL_STYLES[spec.labels];
  const up = (t: string) => (s.caps ? t.toUpperCase() : t);
  let prev: PartId | null = null;
  const blocks: TruthBlock[] = s.blocks.map((b) => {
    const l = up(label(b.part, prev));
    prev = b.part;
    return { part: b.part, label: l, lines: b.lines, numbers: [], habits: [] };
  });
  s.labelStyle = spec.labels;
  s.blocks = blocks.map((b) => ({ part: b.part, label: b.label, lines: b.lines }));
  const expected = toExpected(s);
  // page habits on the written lines (the true text stays as the student meant it)
  const written = blocks.map((b) => [...b.lines]);
  const boxable: PartId[] = ['1b.i', '1b.ii', '3a', '3b', '3c', '5'];
  blocks.forEach((b, k) => {
    if (!boxable.includes(b.part) || !rng.chance(0.5)) return;
    const last = written[k].length - 1;
    if (last < 0 || written[k][last].startsWith('\t')) return;
    const toks = written[k][last].split(' ');
    const i = toks.map((t) => PURE_NUMBER.test(t)).lastIndexOf(true);
    if (i < 0) return;
    toks[i] = `${MARK.boxOpen}${toks[i]}${MARK.boxClose}`;
    written[k][last] = toks.join(' ');
    b.habits.push(`boxed ${toks[i].replace(/[\uE000\uE001]/g, '')}`);
  });
  // one or two values written wrong, struck out and rewritten
  const strikable = blocks.flatMap((_b, k) =>
    written[k].flatMap((line, li) =>
      line.startsWith('\t') || line.includes('\uE000')
        ? []
        : line
            .split(' ')
            .map((t, ti) => (PURE_NUMBER.test(t) ? { k, li, ti } : null))
            .filter((x) => x !== null),
    ),
  );
  const struckLines = new Set<string>();
  for (const pick of rng.shuffle(strikable)) {
    if (struckLines.size >= 2 || (struckLines.size === 1 && rng.chance(0.5))) break;
    // one per line: a strike shifts the line's tokens
    if (struckLines.has(`${pick.k}:${pick.li}`)) continue;
    struckLines.add(`${pick.k}:${pick.li}`);
    const toks = written[pick.k][pick.li].split(' ');
    const wrong = slip(toks[pick.ti], rng);
    blocks[pick.k].habits.push(`struck ${wrong} before ${toks[pick.ti]}`);
    toks[pick.ti] = `${MARK.strikeOpen}${wrong}${MARK.strikeClose} ${toks[pick.ti]}`;
    written[pick.k][pick.li] = toks.join(' ');
  }
  for (const b of blocks) b.numbers = b.lines.flatMap((l) => numbersIn(baselineText(l)));

  // items: header, then the blocks (a new page per question where the writer does that)
  const items: Item[] = [];
  const center = rng.chance(0.5);
  for (const h of s.headerLines) items.push({ kind: 'text', text: h, center });
  items.push({ kind: 'gap', lines: 1 });
  let prevQ: string | null = null;
  blocks.forEach((b, k) => {
    const q = partPath(b.part).q;
    if (spec.questionPerPage && prevQ !== null && q !== prevQ) items.push({ kind: 'pagebreak' });
    prevQ = q;
    const lines = written[k];
    const lab = `${MARK.labelOpen}${b.label}${MARK.labelClose}`;
    const table = lines.some((l) => l.startsWith('\t'));
    const inline = spec.labelInline && !table && lines.length > 0;
    if (inline) items.push({ kind: 'text', text: `${lab} ${lines[0]}` });
    else items.push({ kind: 'text', text: lab });
    for (const line of lines.slice(inline ? 1 : 0)) {
      if (line.startsWith('\t')) items.push({ kind: 'table', cells: line.split('\t').slice(1), indent: 20 });
      else items.push({ kind: 'text', text: line, indent: inline ? 14 : 20 });
    }
    items.push({ kind: 'gap', lines: rng.pick([1, 1, 2]) });
  });

  const page: HandPageStyle = { ...pageStyleOf(rng), ruled: spec.ruled, decor: spec.decor };
  const capture = captureOf(spec.format, rng);
  const own = HANDS[spec.hand];
  const hand =
    s.caps && /script|cursive/.test(own.font) ? { ...own, font: 'futural', slant: own.slant * 0.6 } : own;
  return {
    spec,
    script: s,
    expected,
    header: s.headerLines,
    blocks,
    items,
    hand,
    page,
    capture,
    renderSeed: rng.int(1, 2 ** 30),
  };
}

/** Plans the set: one student of the samples' roster per script, answers and habits from `seed`. */
export function planHandwriting(seed: number, specs: HandSpec[] = DEFAULT_SPECS): HandScript[] {
  const rng = new Rng(seed);
  const roster = rng.shuffle(readRoster(DEFAULT_ROSTER));
  if (roster.length < specs.length) throw new Error(`the roster has only ${roster.length} students`);
  return specs.map((spec, i) => planOne(spec, roster[i], rng.fork(i + 1).int(1, 2 ** 30)));
}

/** Renders one planned script to PDF bytes (one JPEG per page). */
export async function renderHandwritingPdf(
  h: Pick<HandScript, 'items' | 'hand' | 'page' | 'capture' | 'renderSeed'>,
): Promise<{ pdf: Buffer; pages: number }> {
  requireHershey();
  const rng = new Rng(h.renderSeed);
  const hand = h.hand;
  // a phone photo is drawn at a higher resolution and sampled down by the camera
  const drawDpi = h.capture.kind === 'scan' ? h.capture.dpi : 200;
  const pages = drawHandPages(h.items, hand, h.page, drawDpi, rng);
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: {
      Creator: h.capture.kind === 'scan' ? 'testkit scanner' : 'testkit phone camera',
      Producer: 'grader testkit handwriting',
      CreationDate: new Date(Date.UTC(2021, 2, 15, 12, 0, 0)),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const p of pages) {
    const shot = h.capture.kind === 'scan' ? scanPage(p, h.capture, rng) : photographPage(p, h.capture, rng);
    doc.addPage({ size: [shot.width, shot.height], margin: 0 });
    doc.image(shot.jpeg, 0, 0, { width: shot.width, height: shot.height });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: pages.length };
}

/** The truth file of a half: what is written where, per script (the expected.json has the scores). */
function truthOf(h: HandScript, pages: number) {
  return {
    file: h.spec.file,
    format: h.spec.format,
    hand: h.spec.hand,
    font: h.hand.font,
    labelStyle: h.spec.labels,
    labelDecor: h.spec.decor,
    questionPerPage: h.spec.questionPerPage,
    ruled: h.spec.ruled,
    caps: h.script.caps,
    pages,
    capture: h.capture,
    student: h.script.student,
    header: h.header,
    answered: Object.entries(h.expected.variants)
      .filter(([, v]) => !v.endsWith('.blank'))
      .map(([p]) => p),
    blocks: h.blocks,
  };
}

/** Writes `<out>/tune` and `<out>/heldout`: PDFs, expected.json, truth.json, roster.csv. */
export async function generateHandwriting(
  outDir: string,
  seed: number,
  specs: HandSpec[] = DEFAULT_SPECS,
  log: (s: string) => void = () => {},
): Promise<HandScript[]> {
  requireHershey();
  const planned = planHandwriting(seed, specs);
  const roster = readRoster(DEFAULT_ROSTER);
  for (const split of ['tune', 'heldout'] as Split[]) {
    const mine = planned.filter((h) => h.spec.split === split);
    if (!mine.length) continue;
    const dir = join(outDir, split);
    mkdirSync(dir, { recursive: true });
    const truth = [];
    for (const h of mine) {
      const t0 = performance.now();
      const { pdf, pages } = await renderHandwritingPdf(h);
      writeFileSync(join(dir, h.spec.file), pdf);
      truth.push(truthOf(h, pages));
      log(
        `${split}/${h.spec.file}: ${h.spec.format}, ${h.spec.hand}, ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    writeFileSync(join(dir, 'expected.json'), formatExpected(mine.map((h) => h.expected)));
    writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
    writeFileSync(
      join(dir, 'roster.csv'),
      `roll,name\n${roster.map((r) => `${r.roll},${r.name}`).join('\n')}\n`,
    );
  }
  return planned;
}
