// Answers placed by their content: a question answered as one block ("1(b)" with no "i."/"ii."),
// whose lines define the quantities of several sub-parts (C_t, then h_t), is split between them.
// Only a line that defines a sub-part's own quantity (`h_t = …`, `b_f ∈ R^3`, `b_f: 3 × 1`) moves,
// with what follows it up to the next such line; the moved part's confidence is lowered.
// On OCR'd scripts, a page of one part's block that mentions only a missing part's quantities (a
// label OCR lost, a question per page) is moved to it, for a person to check.
import type { ExtractedScript, PartAnswer } from '@grader/model';
import { normalizeMath, tokenize } from '@grader/parse';
import { canonicalSymbol } from './evidence.ts';
import { questionNumber } from './part-id.ts';
import type { Rubric } from './schema.ts';

/** Confidence of a part found by its content rather than its label. */
export const PLACED_CONF = 0.8;

const questionOf = (partId: string) => questionNumber(partId) ?? partId;

/** The symbol a line defines (`h_t = …`, `b_f ∈ …`, `b_f: …`, `b_f is …`), canonical, or null. */
export function definedSymbol(line: string): string | null {
  // (after a step marker: "Step 4: h_t = …", "2) h_t = …", "• h_t = …")
  const body = normalizeMath(line).replace(/^\s*(?:step\s*\d+\s*[:.)-]?|\(?\d{1,2}[.)]|[-•*>])\s*/i, '');
  const m = /^\s*(?:∴|therefore|hence|so|thus)?\s*([^=∈:]{1,24}?)\s*(?:=|∈|:|\bis\b|\bhas\b)/i.exec(body);
  if (!m) return null;
  const toks = tokenize(m[1].trim());
  return toks.length === 1 && toks[0].t === 'sym' ? toks[0].v : null;
}

/**
 * The part a line is tagged with at its end, as an equation's tag (`N = 4 · 18 = 72 (3c)`,
 * `b_f : 3 × 1 [3b]`), where that is one of `ids`; or null.
 */
function taggedPart(line: string, ids: string[]): string | null {
  const LABEL = /[([]\s*(\d\s*[.(]?\s*[a-h]\s*\)?(?:\s*[.(]?\s*[ivx]{1,3}\s*\)?)?)\s*[)\]]/gi;
  const m = new RegExp(`${LABEL.source}\\s*$`, 'i').exec(line);
  // (a line of labels alone, "[3b] [3c]", or a heading naming its part, "A.2.a [1(b)(i)]", is no
  // tagged statement: the line must state something, `=`, `:` or `∈`)
  const rest = line.slice(0, m?.index ?? 0).replace(LABEL, '');
  if (!m || rest.replace(/\s+/g, '').length < 3 || !/[=:∈]/.test(rest)) return null;
  const tag = m[1];
  const flat = tag.replace(/[^0-9a-z]/gi, '').toLowerCase();
  return ids.find((id) => id.replace(/[^0-9a-z]/gi, '').toLowerCase() === flat) ?? null;
}

function namesOf(rubric: Rubric): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const part of rubric.parts) {
    const names = new Set<string>();
    for (const item of part.items)
      if (item.type === 'value') for (const n of item.names) names.add(canonicalSymbol(n));
    out.set(part.id, names);
  }
  return out;
}

/** Confidence of what is left of a block when lines not confirmed as another part's are moved out. */
const LEFT_CONF = 0.6;

/** Confidence of an OCR'd block moved to another question by what it mentions: always reviewed. */
export const MOVED_CONF = 0.3;

/**
 * What marks a part's answer out from the others': the variables its items ask for (and what its
 * terms are terms of) and the numbers (three digits or more) of its keys as the prepared rubric's
 * labels spell them, less those of any other part.
 */
function markersOf(rubric: Rubric, withMappings = true): Map<string, Set<string>> {
  const raw = new Map<string, Set<string>>();
  for (const part of rubric.parts) {
    const m = new Set<string>();
    for (const item of part.items) {
      if (item.type === 'value' || (withMappings && item.type === 'mapping'))
        for (const n of item.names) if (canonicalSymbol(n).length > 1) m.add(`sym:${canonicalSymbol(n)}`);
      // (what an expression is of: 2(a)'s e_kj)
      if (item.type === 'expression')
        for (const n of item.of) if (canonicalSymbol(n).length > 1) m.add(`sym:${canonicalSymbol(n)}`);
      // (what a term is a term of: 4(a)'s dL/dc_t, however the script writes the derivative)
      if (item.type === 'term')
        for (const t of tokenize(normalizeMath(item.of))) if (t.t === 'sym') m.add(`sym:${t.v}`);
      for (const n of item.label.match(/\d{3,}/g) ?? []) m.add(`num:${n}`);
    }
    raw.set(part.id, m);
  }
  const out = new Map<string, Set<string>>();
  for (const [id, m] of raw) {
    const own = new Set([...m].filter((x) => ![...raw].some(([o, om]) => o !== id && om.has(x))));
    out.set(id, own);
  }
  return out;
}

/** How many of `markers` a block's text mentions. */
function mentions(text: string, markers: Set<string>): number {
  const nums = new Set(text.replace(/(?<=\d),(?=\d{3})/g, '').match(/\d{3,}/g) ?? []);
  const syms = new Set<string>();
  for (const t of tokenize(normalizeMath(text))) if (t.t === 'sym') syms.add(t.v);
  let n = 0;
  for (const m of markers) if (m.startsWith('num:') ? nums.has(m.slice(4)) : syms.has(m.slice(4))) n++;
  return n;
}

/**
 * Answers whose label OCR lost: on a scanned script, a page of another part's block (a question
 * per page, its label unread) that mentions a missing part's own quantities (its variables, its
 * key's numbers: 199 for question 5) and none of its host's is moved to the missing part — with a
 * confidence that sends both to a person.
 */
function placeAcrossQuestions(script: ExtractedScript, rubric: Rubric): ExtractedScript {
  const missing = rubric.parts.filter((p) => !script.parts[p.id]?.text.trim());
  if (!missing.length) return script;
  const markers = markersOf(rubric);
  const order = rubric.parts.map((p) => p.id);
  let parts = script.parts;
  for (const want of missing) {
    const own = markers.get(want.id);
    if (!own || own.size === 0) continue;
    // the block of an unread label lands in the part answered before it
    const k = order.indexOf(want.id);
    const hostId = order
      .slice(0, k)
      .reverse()
      .find((id) => parts[id]?.text.trim());
    const host = hostId ? parts[hostId] : undefined;
    if (!hostId || !host || host.lines.length < 2 || host.lines.some((l) => l.conf >= 1)) continue;
    const hostMarks = markers.get(hostId) ?? new Set<string>();
    for (let s = 1; s < host.lines.length; s++) {
      if (host.lines[s].page === host.lines[s - 1].page) continue;
      let e = s + 1;
      while (e < host.lines.length && host.lines[e].page === host.lines[s].page) e++;
      const text = host.lines
        .slice(s, e)
        .map((l) => l.text)
        .join('\n');
      if (mentions(text, own) < 2 || mentions(text, hostMarks) > 0) continue;
      const moved = host.lines.slice(s, e);
      const kept = [...host.lines.slice(0, s), ...host.lines.slice(e)];
      parts = {
        ...parts,
        [hostId]: {
          ...host,
          text: kept.map((l) => l.text).join('\n'),
          lines: kept,
          labelConf: Math.min(host.labelConf, 0.6),
          conf: Math.min(host.conf, 0.6),
        },
        [want.id]: {
          partId: want.id,
          text,
          lines: moved,
          regions: [{ page: moved[0].page, box: unionOf(moved.map((l) => l.box)) }],
          labelConf: MOVED_CONF,
          conf: MOVED_CONF,
          occurrences: 1,
        },
      };
      break;
    }
  }
  return parts === script.parts ? script : { ...script, parts };
}

/**
 * Parts with no answer whose answer may sit inside another part's text, because a label the reader
 * did not know was taken for content: another answer mentions the part's own quantities (199 for
 * question 5, e_kj for 2a), or one answer holds most of the script's lines while parts are missing.
 */
export function possiblyHidden(script: ExtractedScript, rubric: Rubric): Set<string> {
  const found = rubric.parts.filter((p) => script.parts[p.id]?.text.trim());
  const missing = rubric.parts.filter((p) => !script.parts[p.id]?.text.trim());
  const out = new Set<string>();
  if (!missing.length || !found.length) return out;
  const lines = found.map((p) => script.parts[p.id].text.split('\n').length);
  const all = lines.reduce((a, b) => a + b, 0);
  const swallowing = missing.length >= 2 && lines.some((n) => n >= 12 && n >= 0.45 * all);
  const across = readAcrossColumns(script);
  const mentioned = new Set([...hiddenHolders(script, rubric).values()].flat());
  for (const want of missing)
    if (swallowing || across || mentioned.has(want.id) || labelledInside(script, want.id, rubric))
      out.add(want.id);
  // (a question's other missing parts with it: its block, wherever it went, may hold them too)
  for (const want of missing)
    if ([...out].some((id) => questionNumber(id) === questionNumber(want.id))) out.add(want.id);
  return out;
}

/**
 * The answers that write a missing part's own quantities (and none of their own part's markers say
 * them too), by answer: the missing parts whose answers may stand in them, under a label not read.
 */
export function hiddenHolders(
  script: ExtractedScript,
  rubric: Rubric,
  /** its key's numbers only (199 for question 5): a variable, C_t, is every later answer's working too */
  numbersOnly = false,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const found = rubric.parts.filter((p) => script.parts[p.id]?.text.trim());
  const missing = rubric.parts.filter((p) => !script.parts[p.id]?.text.trim());
  if (!missing.length || !found.length) return out;
  // (not a mapping's symbols: 1(a)'s f_t, C_t are what every answer to 1(b) writes too)
  const markers = markersOf(rubric, false);
  for (const want of missing) {
    const own = new Set(
      [...(markers.get(want.id) ?? [])].filter((m) => !numbersOnly || m.startsWith('num:')),
    );
    if (!own.size) continue;
    for (const p of found) {
      const theirs = markers.get(p.id) ?? new Set<string>();
      // (two of its numbers at least, where only numbers count: one may be a coincidence)
      if (
        mentions(script.parts[p.id].text, own) > (numbersOnly ? 1 : 0) &&
        ![...own].some((m) => theirs.has(m))
      )
        out.set(p.id, [...(out.get(p.id) ?? []), want.id]);
    }
  }
  return out;
}

/** A label's start: "a)", "(b)", "ii.", "2.", "Ans 2 (b)", "Q3", "Question 4". */
const LABEL_START = /^(?:\(?[a-h]\)|\(?[ivx]{1,4}[.)]|\d{1,2}[.)]|ans\b|q\.?\d|question\b)/i;

/**
 * Whether an answer's line runs across a gutter into a label (`a) i f_t 4 ⟶ a) e_kj = …`, two answers
 * set side by side): two columns were read as one, and a part missing may stand in the other.
 */
function readAcrossColumns(script: ExtractedScript): boolean {
  const width = new Map(script.pages.map((p) => [p.page, p.width]));
  return Object.values(script.parts).some((a) =>
    a.lines.some((l) => {
      const w = width.get(l.page) ?? 595;
      return l.words.some((word, k) => {
        const prev = l.words[k - 1];
        if (!prev) return false;
        const gap = word.box.x - (prev.box.x + prev.box.w);
        return gap >= 40 && word.box.x > w * 0.25 && word.box.x < w * 0.75 && LABEL_START.test(word.text);
      });
    }),
  );
}

/**
 * Whether a line of another part of the same question starts with this part's own label letter or
 * numeral ("c 36 [params]" in the rows of a table answering all of Q3, "ii) h_t = …" under 1(b)(i)):
 * a label the segmenter did not take, so the part may be there.
 */
function labelledInside(script: ExtractedScript, partId: string, rubric: Rubric): boolean {
  const q = questionOf(partId);
  const own = partId.slice(q.length).split('.').at(-1);
  if (!own) return false;
  // (or in another question's answer that has no such sub-part: "(c) There are 4 weight matrices"
  // inside 1(b)(ii), question 1 having no (c))
  const hasOwn = (question: string) =>
    rubric.parts.some(
      (p) => questionOf(p.id) === question && p.id.slice(question.length).split('.').includes(own),
    );
  // (bare, "c 36", only where the letter is no word: "a bias …" and "i think …" are sentences)
  const mark = ['a', 'i'].includes(own) ? String.raw`\s*[).:\]]` : String.raw`\s*[).:\]]?`;
  const label = new RegExp(String.raw`^\s*\(?${own}${mark}\s+\S`);
  // (or its whole label, question and sub-part, anywhere in another answer: "[Q2.a + Q2.b]" heading
  // both parts of question 2 under 1(b)(ii))
  const sub = partId.slice(q.length).split('.').filter(Boolean);
  // (at a line's start or joined to another label, as a heading; "1(a) not attempted" declares a skip)
  const whole = new RegExp(
    String.raw`(?:^|[+&,]|\band\b)\s*[\[(]?\s*(?:q|question\s*)?\(?${q}\)?\s*[.\-]?\s*${sub.map((c) => String.raw`\(?${c}\)?`).join(String.raw`\s*[.\-]?\s*`)}(?![\w])`,
    'i',
  );
  const skipped = /not attempted|skip|not done|could ?n[o']t|left out|omitted/i;
  // (a question's number alone on a line heads the sub-label opening the next: "2." then "a) e_kj = …")
  const headed = (ls: string[]) =>
    ls.map((l, i) => (/^\s*\(?\d{1,2}[.)]?\s*$/.test(l) && i + 1 < ls.length ? `${l} ${ls[i + 1]}` : l));
  return Object.entries(script.parts).some(([id, p]) => {
    if (id === partId) return false;
    const ls = p.text.split('\n');
    return (
      ((questionOf(id) === q || !hasOwn(questionOf(id))) && ls.some((l) => label.test(l))) ||
      headed(ls).some((l) => whole.test(l) && !skipped.test(l))
    );
  });
}

function unionOf(boxes: Array<{ x: number; y: number; w: number; h: number }>) {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    w: Math.max(...boxes.map((b) => b.x + b.w)) - x,
    h: Math.max(...boxes.map((b) => b.y + b.h)) - y,
  };
}

export function placeByContent(script: ExtractedScript, rubric: Rubric): ExtractedScript {
  return placeWithinQuestions(placeByTags(placeAcrossQuestions(script, rubric), rubric), rubric);
}

/**
 * A question answered as one block whose lines end in tags naming its parts, as equations are tagged
 * (`W_f : 3 × 5 (3a)`, `b_f : 3 × 1 (3b)`, `N = 4 · 18 = 72 (3c)`): each tagged line closes its
 * part's answer, the untagged lines before it its working (what follows the last tag stays with
 * it). Only into parts with no answer of their own, and with the confidence of a part placed by its
 * content.
 */
function placeByTags(script: ExtractedScript, rubric: Rubric): ExtractedScript {
  let parts = script.parts;
  for (const holder of rubric.parts) {
    const from = parts[holder.id];
    if (!from?.text.trim() || from.lines.length !== from.text.split('\n').length) continue;
    const q = questionOf(holder.id);
    const ids = rubric.parts.map((p) => p.id).filter((id) => questionOf(id) === q);
    const tags = from.lines.map((l) => taggedPart(l.text, ids));
    const named = new Set(tags.filter((t): t is string => t !== null));
    // (two parts tagged at least, each the holder or a part answered nowhere else)
    if (named.size < 2 || [...named].some((id) => id !== holder.id && parts[id]?.text.trim())) continue;
    const segments = new Map<string, number[]>();
    let open: number[] = [];
    let last: string | null = null;
    for (const [i, tag] of tags.entries()) {
      open.push(i);
      if (!tag) continue;
      segments.set(tag, [...(segments.get(tag) ?? []), ...open]);
      open = [];
      last = tag;
    }
    if (last) segments.set(last, [...(segments.get(last) ?? []), ...open]);
    parts = { ...parts };
    for (const [id, idx] of segments) {
      const lines = idx.map((i) => from.lines[i]);
      const moved = id !== holder.id;
      parts[id] = {
        ...from,
        partId: id,
        text: lines.map((l) => l.text).join('\n'),
        lines,
        regions: moved && lines.length ? [{ page: lines[0].page, box: lines[0].box }] : from.regions,
        ...(moved
          ? { labelConf: Math.min(from.labelConf, PLACED_CONF), conf: Math.min(from.conf, PLACED_CONF) }
          : {}),
        occurrences: 1,
      };
    }
    if (!segments.has(holder.id)) parts[holder.id] = { ...from, text: '', lines: [] };
  }
  return parts === script.parts ? script : { ...script, parts };
}

function placeWithinQuestions(script: ExtractedScript, rubric: Rubric): ExtractedScript {
  const names = namesOf(rubric);
  const missing = rubric.parts.filter((p) => !script.parts[p.id]?.text.trim() && names.get(p.id)?.size);
  if (!missing.length) return script;
  const parts = { ...script.parts };
  const ocr = script.pages.some((p) => p.source === 'ocr');
  for (const want of missing) {
    const q = questionOf(want.id);
    for (const sib of rubric.parts) {
      const from = parts[sib.id];
      if (sib.id === want.id || questionOf(sib.id) !== q || !from?.text.trim()) continue;
      const lines = from.lines.length ? from.lines : from.text.split('\n').map((text) => ({ text }));
      // (`loose`, on an OCR'd page: a bare letter whose subscript OCR lost, "h = o+ @ tanh(Ct)", is
      // the one quantity of the question with that letter — a guess a person confirms)
      const owner = (i: number, loose = false) => {
        const sym = definedSymbol(lines[i].text);
        if (!sym) return null;
        for (const [id, ns] of names) if (questionOf(id) === q && ns.has(sym)) return id;
        if (!loose || !/^[a-z]$/.test(sym)) return null;
        const ids = [...names]
          .filter(([id, ns]) => questionOf(id) === q && [...ns].some((n) => n.startsWith(`${sym}_`)))
          .map(([id]) => id);
        return ids.length === 1 ? ids[0] : null;
      };
      // the sibling's own quantity comes first; a later line defining the wanted one starts its block
      let start = lines.findIndex((_, i) => i > 0 && owner(i) === want.id);
      const guessed = start < 0 && ocr;
      if (guessed) start = lines.findIndex((_, i) => i > 0 && owner(i, true) === want.id);
      if (start < 0) continue;
      let end = lines.length;
      for (let i = start + 1; i < lines.length; i++) {
        const o = owner(i);
        if (o && o !== want.id) {
          end = i;
          break;
        }
      }
      const take = (a: number, b: number) => ({
        text: lines
          .slice(a, b)
          .map((l) => l.text)
          .join('\n'),
        lines: from.lines.slice(a, b),
      });
      const moved = take(start, end);
      const kept = { text: [take(0, start).text, take(end, lines.length).text].filter(Boolean).join('\n') };
      // a block that starts by defining its own part's quantity and then the wanted one's is a
      // question answered without sub-labels: the content confirms where each answer goes
      const confirmed = lines.slice(0, start).some((_, i) => owner(i) === sib.id);
      // (unconfirmed, what is left may have lost its own answer with the lines moved — "b_f : 3"
      // in a table's row, then 3(c)'s working and its 72 under it: a person reads both)
      // (a part answered by a value: a mapping's positions or an expression are not what moves)
      const valued = sib.items.some((i) => i.type === 'value');
      const conf = (c: number) =>
        confirmed ? Math.max(c, PLACED_CONF) : valued ? Math.min(c, LEFT_CONF) : c;
      parts[sib.id] = {
        ...from,
        text: kept.text,
        lines: [...from.lines.slice(0, start), ...from.lines.slice(end)],
        labelConf: conf(from.labelConf),
        conf: conf(from.conf),
      };
      const placed: PartAnswer = {
        ...from,
        partId: want.id,
        text: moved.text,
        lines: moved.lines,
        regions: moved.lines.length
          ? [{ page: moved.lines[0].page, box: moved.lines[0].box }]
          : from.regions.slice(0, 1),
        labelConf: guessed ? MOVED_CONF : confirmed ? PLACED_CONF : Math.min(from.labelConf, PLACED_CONF),
        conf: guessed ? MOVED_CONF : confirmed ? PLACED_CONF : Math.min(from.conf, PLACED_CONF),
        occurrences: 1,
      };
      parts[want.id] = placed;
      break;
    }
  }
  return { ...script, parts };
}
