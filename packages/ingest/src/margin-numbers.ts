// Line numbers in the margin (pleading paper, a listing): every line opens with its number, 1, 2, 3 …
// down the page ("12 | Q3(b) b_f is 3 x 1", "[12]", "012", "12."). They number lines, not questions:
// read as labels, line 5 would start question 5.
import type { Line } from '@grader/model';
import { blankedAt, retext } from './layout.ts';

/** A line number at a line's start: "12", "12 |", "12 │", "12.", "12:", "[12]", "[ 2]", "012". */
const NUMBER = /^(\s*)(\[\s*(\d{1,3})\s*\]|(\d{1,3})\s*[|.:│┃¦]?)(?=\s|$)/;
/** A run of lines numbered one after another at least this long is a margin's numbering. */
const MIN_RUN = 8;
/** The share of the script's lines such runs must hold. */
const MIN_SHARE = 0.5;

/**
 * The lines with their margin's line numbers blanked, the same length (so word positions hold), where
 * most of the script's lines stand in runs numbered 1, 2, 3 … (restarting on a page, or running on);
 * any other script is returned as it is.
 */
export function withoutMarginNumbers(lines: Line[]): Line[] {
  const found = lines.map((l) => {
    const m = NUMBER.exec(l.text);
    return m ? { lead: m[1].length, length: m[2].length, n: Number(m[3] ?? m[4]) } : null;
  });
  const numbered = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_RUN) for (const i of run) numbered.add(i);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const f = found[i];
    const prev = run.length ? found[run[run.length - 1]] : null;
    if (f && prev && f.n === prev.n + 1) run.push(i);
    else {
      close();
      if (f) run.push(i);
    }
  }
  close();
  if (numbered.size < lines.length * MIN_SHARE) return lines;
  return lines.map((l, i) => {
    const f = found[i];
    if (!f || !numbered.has(i)) return l;
    // (the words that were the number go: "12", "|", "[12]", "[", "2]")
    return blankedAt(l, f.lead, f.length);
  });
}

/** A word that is only a line number: "12", "012:", "7│", "[12]". */
const NUMBER_WORD = /^\[?(\d{1,3})\]?[|:.│┃¦]?$/;
/** A separator standing as a word of its own after a line number: "12 │ Q3(b)". */
const SEPARATOR_WORD = /^[|:│┃¦]$/;
/** Numbers this far apart on a page, one after another (every line, or every fifth). */
const STEPS = [1, 5];

type Numbered = { line: number; word: number; n: number; mid: number; y: number; h: number };

/**
 * Line numbers set by an editor, LaTeX's lineno or a word processor, found by where they stand: bare
 * numbers in one column of the page that count up line by
 * line, or every fifth line, down the page. They may stand apart from the text, be glued to it
 * ("5Q1" from Word's numbering), close a line (lineno's right margin) or sit in a two-column page's
 * gutter, glued to the left column's last value ("C̃t = 2" and "34" read "234"). Blanked, so they are
 * neither labels nor values. A run must reach past 14 on the page: a script numbering its eleven
 * answers 1 to 11, one per line, keeps them.
 */
export function withoutLineNumbers(lines: Line[]): Line[] {
  const found: Numbered[] = [];
  lines.forEach((l, li) => {
    l.words.forEach((w, wi) => {
      const m = NUMBER_WORD.exec(w.text);
      if (m)
        found.push({
          line: li,
          word: wi,
          n: Number(m[1]),
          mid: w.box.x + w.box.w / 2,
          y: w.box.y,
          h: w.box.h,
        });
    });
  });
  const drop = new Map<number, Set<number>>();
  const pages = new Map<number, Numbered[]>();
  for (const f of found) {
    const p = lines[f.line].page;
    pages.set(p, [...(pages.get(p) ?? []), f]);
  }
  for (const onPage of pages.values()) {
    // one column: centres in a chain no more than 4.5 pt apart (a number of one digit and one of two,
    // right-aligned, stand half a digit apart)
    const byMid = [...onPage].sort((a, b) => a.mid - b.mid);
    const columns: Numbered[][] = [];
    for (const f of byMid) {
      const col = columns[columns.length - 1];
      if (col && f.mid - col[col.length - 1].mid <= 4.5) col.push(f);
      else columns.push([f]);
    }
    for (const col of columns) {
      col.sort((a, b) => a.y - b.y);
      for (const step of STEPS) {
        // chains counting up by the step, each a line or (every fifth) a few lines below the last
        // (a displayed equation, not numbered, may stand between two numbers of a run)
        const used = new Set<Numbered>();
        const chains: Numbered[][] = [];
        for (let s = 0; s < col.length; s++) {
          if (used.has(col[s])) continue;
          const chain = [col[s]];
          for (let k = s + 1; k < col.length; k++) {
            const prev = chain[chain.length - 1];
            const gap = col[k].y - prev.y;
            // (every fifth line's number has lines between: a column of 0, 5, 10 … row by row is figures)
            const apart =
              step === 1 ? gap > 0 && gap <= prev.h * 8 : gap >= prev.h * 2.5 && gap <= prev.h * 30;
            if (!used.has(col[k]) && col[k].n === prev.n + step && apart) chain.push(col[k]);
          }
          if (chain.length < 3) continue;
          for (const f of chain) used.add(f);
          chains.push(chain);
        }
        // (every fifth line's number stands alone in its column: a table's column of figures has
        // others between)
        const alone = (chain: Numbered[]) =>
          !col.some((f) => !chain.includes(f) && f.y > chain[0].y && f.y < chain[chain.length - 1].y);
        const kept = step === 1 ? chains : chains.filter((c) => c.every((f) => f.n % 5 === 0) && alone(c));
        const members = kept.flat();
        if (members.length < (step === 1 ? 6 : 3) || Math.max(...members.map((f) => f.n)) < 15) continue;
        for (const f of members) drop.set(f.line, new Set([...(drop.get(f.line) ?? []), f.word]));
      }
    }
  }
  if (!drop.size) return lines;
  return lines.map((l, li) => {
    const words = drop.get(li);
    if (!words) return l;
    // the numbers' words (and a separator standing right after one) blanked where they stand in the text
    let text = l.text;
    let from = 0;
    const keep: Line['words'] = [];
    l.words.forEach((w, wi) => {
      const at = text.indexOf(w.text, from);
      // (and a bracket standing apart before it, "[ 2]" as the words "[" and "2]")
      const cut =
        words.has(wi) ||
        (words.has(wi - 1) && SEPARATOR_WORD.test(w.text)) ||
        (words.has(wi + 1) && /^[[(]$/.test(w.text));
      if (at >= 0) {
        if (cut) text = text.slice(0, at) + ' '.repeat(w.text.length) + text.slice(at + w.text.length);
        from = at + w.text.length;
      }
      if (!cut) keep.push(w);
    });
    return retext(l, text, keep);
  });
}
