// `mapping` items: a variable matched to its position in the question's diagram (`f_t → 3`).
import {
  editsWithin,
  findEnumeratedAnswers,
  type findMappings,
  normalizeMath,
  tokenize,
} from '@grader/parse';
import { canonicalSymbol, type Evidence } from '../evidence.ts';
import { type Keys, resolveKey } from '../keys.ts';
import type { MappingItem } from '../schema.ts';
import type { ItemHandler, ItemResult, PartDoubt } from './types.ts';

/**
 * Positions given to variables named in words, one per line ("the forget gate f, is at 3"): a
 * line is about the item whose name in words it says most fully ("previous cell state" over "cell
 * state"; one slip allowed per eight letters, spaces ignored), and its position is the whole
 * number that ends it (outside brackets). Symbols OCR garbles (`f,` for f_t, `at` read as `ot`)
 * are not needed.
 */
export function calledPositions(lines: string[], items: MappingItem[]): Map<number, CalledPosition> {
  const out = new Map<number, CalledPosition>();
  const namedIn = (text: string) => {
    const letters = text.toLowerCase().replace(/[^a-z]/g, '');
    const said: Array<{ item: string; phrase: string }> = [];
    for (const it of items)
      for (const c of it.called) {
        const phrase = c.toLowerCase().replace(/[^a-z]/g, '');
        if (editsWithin(phrase, letters) <= Math.floor(phrase.length / 8)) said.push({ item: it.id, phrase });
      }
    // a name inside a longer one said ("cell state" in "previous cell state") is that one; a line
    // that still names two variables ("the input and output gates are 4 and 8") maps neither
    return new Set(
      said
        .filter((x) => !said.some((y) => y.phrase.length > x.phrase.length && y.phrase.includes(x.phrase)))
        .map((x) => x.item),
    );
  };
  lines.forEach((raw, line) => {
    const outside = namedIn(raw.replace(/\([^()]*\)/g, ' '));
    const named = outside.size ? outside : namedIn(raw);
    if (named.size !== 1) return;
    const m = /(\d+)\s*[.;]?\s*$/.exec(raw.replace(/\([^()]*\)\s*$/, ''));
    if (m) out.set(line, { item: [...named][0], value: Number(m[1]), bracketed: !outside.size });
  });
  return out;
}

/** A position given to a variable named in words; `bracketed` when the name is said only in brackets. */
export type CalledPosition = { item: string; value: number; bracketed: boolean };

function gradeMapping(
  item: MappingItem,
  ev: Evidence,
  keys: Keys,
  maps: ReturnType<typeof findMappings>,
  called: Map<number, CalledPosition>,
  /** every mapping item's symbols in the part: a symbol read on a line that is none of them says nothing */
  symbols: Set<string>,
): ItemResult {
  const key = resolveKey(item.key, keys);
  const names = item.names.map(canonicalSymbol);
  // a line that names another variable in words is about that one: a symbol OCR made of its
  // words ("is ot 1" read as o_t) does not map this one; words in brackets after a symbol
  // describe it ("C_{t-1} -> 1 (cell state entering the cell)")
  const about = (line: number) => {
    const c = called.get(line);
    return c && !(c.bracketed && maps.some((m) => m.line === line && symbols.has(m.name))) ? c : undefined;
  };
  // a gate by its letter alone in a list of gates so named, "f 2, i 5, o 9, Ct 10" (not a roman
  // numeral's "i 3" in a list numbered i, ii, iii)
  const letters = new Set(maps.map((m) => m.name).filter((n) => /^[fio]$/.test(n)));
  const numbered = maps.some((m) => /^(?:ii|iii|iv|vi?)$/.test(m.name));
  const letter = /^([fio])_t$/.exec(names[0])?.[1];
  const named = (n: string) => names.includes(n) || (letter === n && letters.size >= 2 && !numbered);
  let found = maps.filter((m) => named(m.name) && (about(m.line)?.item ?? item.id) === item.id);
  for (const line of called.keys()) {
    const c = about(line);
    if (c?.item === item.id && !found.some((m) => m.line === line))
      found.push({ name: names[0], value: c.value, line });
  }
  found.sort((a, b) => a.line - b.line);
  if (!found.length && item.position) {
    found = findEnumeratedAnswers(ev.lines)
      .filter((e) => e.index === item.position! - 1)
      .map((e) => ({ name: names[0], value: e.value, line: e.line }));
  }
  const base = { id: item.id, label: item.label, max: item.points };
  if (!found.length) {
    // (numbers written where no variable's position could be read at all — "5.6, 9.4", OCR's
    // reading of a bare list "5, 6, 9, 4, 1, 7" — are an answer the grader did not understand)
    // (a short answer of numbers alone: not working of another part read into this one)
    const unread =
      !maps.length &&
      !called.size &&
      !findEnumeratedAnswers(ev.lines).length &&
      ev.lines.length <= 3 &&
      !ev.lines.some((l) => /[=→]|->/.test(l)) &&
      // (two numbers at least, outside an outline number left on its own line: "1.2.i")
      (ev.lines
        .filter((l) => !/^\s*\d+(?:\.\d+)+\.?\s*[a-z]{0,4}\s*$/i.test(l))
        .join(' ')
        .match(/\d+(?:\.\d+)?/g)?.length ?? 0) >= 2;
    return unread
      ? {
          ...base,
          awarded: 0,
          reason: `no position read for ${item.names[0]}, though the answer holds numbers: a person reads them`,
          evidence: [],
          conf: 0.5,
        }
      : { ...base, awarded: 0, reason: `no position given for ${item.names[0]}`, evidence: [], conf: 0.9 };
  }
  const distinct = [...new Set(found.map((m) => m.value))];
  const m = found[found.length - 1];
  const evidence = ev.region(m.line);
  if (distinct.length > 1) {
    return {
      ...base,
      awarded: 0,
      reason: `${item.names[0]} is given two different positions (${distinct.join(', ')})`,
      evidence,
      conf: 0.4,
      value: m.value,
    };
  }
  if (m.value === key)
    return {
      ...base,
      awarded: item.points,
      reason: `${item.names[0]} → ${m.value} is right`,
      evidence,
      conf: 1,
      value: m.value,
    };
  return {
    ...base,
    awarded: 0,
    reason: `${item.names[0]} → ${m.value} is not the right position`,
    evidence,
    conf: 1,
    value: m.value,
    wrong: `${item.names[0]}->${m.value}`,
  };
}

export const mapping: ItemHandler<MappingItem> = {
  type: 'mapping',
  grade: (item, ctx) =>
    gradeMapping(
      item,
      ctx.ev,
      ctx.grading.keys,
      ctx.mappings(),
      ctx.calledPositions(),
      new Set(ctx.part.items.flatMap((i) => (i.type === 'mapping' ? i.names.map(canonicalSymbol) : []))),
    ),
};

/** A mapping part with positions that were not read is garbled; one that simply stops early is not. */
/** Positions written in words, after what gives a position ("is at position three", "→ four", "f t - two"). */
const NUMBER_WORDS =
  /(?:\bposition|\bpos\.?|\bat|\bis|->|→|=|:|\s[-–])\s+(?:number\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/gi;

export const garbledMapping: PartDoubt = ({ part, ctx, results }) => {
  const { ev } = ctx;
  const mapItems = part.items.filter((i) => i.type === 'mapping');
  if (!mapItems.length) return null;
  const read = results.filter((r) => r.value !== undefined).length;
  // numbers written as positions (a subscript, as in `C_{t-1}`, is part of a name, not a number)
  // (or in words, as a scribe writes them: "f sub t is at position three")
  const written =
    ev.lines.flatMap((l) => tokenize(normalizeMath(l))).filter((t) => t.t === 'num' && Number.isInteger(t.v))
      .length + (ev.lines.join(' ').match(NUMBER_WORDS) ?? []).length;
  // (or a position in a form of the student's own, "f_t -> p5", "o_t = [9]": an arrow to a number)
  const given = ev.lines.filter((l) => /(?:->|→|=|:)\s*\S{0,4}\d/.test(l)).length;
  if (read < mapItems.length && Math.max(written, given) > read)
    return { conf: read >= mapItems.length - 1 ? 0.65 : 0.4 };
  // words about the variables and not one position: the positions stand somewhere the grader did
  // not read (a table's answer column carried into the next column of the page)
  if (!read && ev.lines.join(' ').trim()) {
    const prose = ev.prose;
    const named = mapItems.filter((i) =>
      (i.type === 'mapping' ? i.called : []).some((c) => prose.includes(c.toLowerCase())),
    ).length;
    if (named >= 2)
      return {
        conf: 0.5,
        reason:
          'the answer names the variables but gives no position the grader could read: a person reads it',
      };
  }
  // two positions side by side after one variable ("C̃t → 6 5": one struck out where the page no
  // longer shows it, or a second thought): which stands is a person's reading
  if (ev.lines.some((l) => TWO_POSITIONS.test(l)))
    return {
      conf: 0.5,
      reason: 'a variable is given two positions side by side: a person reads which one stands',
    };
  // a line mapping one variable that holds more positions than that, "ft 2 / 3 3" (options weighed
  // and one chosen, in columns): which is the answer is a person's reading
  const byLine = new Map<number, number>();
  for (const m of ctx.mappings()) byLine.set(m.line, (byLine.get(m.line) ?? 0) + 1);
  for (const [line, names] of byLine) {
    const rest = ev.lines[line].replace(/^\s*\(?(?:[ivx]{1,4}|[a-f])[.)]\s+/i, '');
    const nums = tokenize(normalizeMath(rest)).filter(
      (t) => t.t === 'num' && Number.isInteger(t.v) && (t.v as number) <= 12,
    ).length;
    if (names === 1 && nums >= 3 && /\d\s*(?:\/|\bor\b)\s*\d/.test(rest))
      return {
        conf: 0.5,
        reason: 'a variable is given several positions on its line: a person reads which one stands',
      };
  }
  return null;
};

/** A variable's arrow or sign, then two whole numbers with only a space between them ("C̃t → 6 5"). */
const TWO_POSITIONS = /(?:→|->|=|:)\s*\d{1,2}\s+\d{1,2}(?=\s*(?:$|[,;]|\s[ivx]{1,3}[.)]|\s\p{L}))/u;
