// Answers exported from a quiz portal as records, one per part: `question_id = 1b_ii` / `answer = …`,
// YAML's `- qid: Q3.c`, a JSON line `{"q": "3c", "ans": "72", "attempt": 2}`, a CSV row `"1.b.i","C_t
// = …","00:03:12","submitted"`, `qid: 1b i   attempt: 1   time spent: 00:02:40`. The record's field
// names and quotes are no answer, and its portal fields (attempt 2, 00:04:12, max marks 3) would be
// read as the part's values: the label field is read as a label and the rest blanked, the same length.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';

/** A record's label field at a line's start: its prefix (name, `=` or `:`, quotes) and its value. */
const LABEL_FIELD =
  /^(\s*(?:-\s+)?\{?\s*["']?(?:question_id|question|qid|q_?no|qno|q|part_id|part|item_id|item)["']?\s*[:=]\s*["']?)([^\s"',}]{1,10}(?:\s+[ivx]{1,3}(?![\w]))?(?:\s*,\s*[^\s"',}]{1,10})*)(["']?\s*,?)/i;
/** A CSV row's first cell holding the label: `"1.b.i",`. */
const CSV_LABEL = /^(\s*")([^"\s]{1,10})(",)/;
/** The portal's own fields, name and value: `attempt: 2`, `"time_spent": "00:01:48"`, `max_marks = 3`. */
const PORTAL_FIELD =
  /["']?\b(?:attempts?|time[_\s]spent|max[_\s]marks|marks|status|exported_at|submitted_at|timestamp|flagged)["']?\s*[:=]\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s,}|"]+)\s*,?/gi;
/** The record's answer and working field names: `answer =`, `"ans":`, `working: |`. */
const CONTENT_FIELD =
  /(?<=^|[\s{,])["']?\b(?:answer|ans|working|work|response|steps|solution)["']?\s*[:=]\s*(?:\|(?=\s*$))?/gi;
/** A CSV row's time spent and status cells, `,"00:02:50","submitted"`; a clock time `00:01:30`. */
const CSV_TAIL = /,\s*"\d{1,2}:\d{2}:\d{2}"\s*,\s*"[^"\n]*"\s*$|\b\d{2}:\d{2}:\d{2}\b/g;
/** Records read as labels on this many lines make them the script's labels. */
const MIN_RECORDS = 2;

// (a list's commas as "&", "3a, 3b, 3c" → "3a &3b &3c": one answer for the parts, as the label reader
// takes "3 (a) & (b)")
const asLabel = (value: string) =>
  value.replace(/_/g, '.').replace(/\s*,\s*/g, (sep) => ` &${' '.repeat(sep.length - 2)}`);
const blank = (s: string) => ' '.repeat(s.length);

/** The record label on a line: where its prefix and value stand, or null. */
function recordLabel(text: string, tree: PartTree): { prefix: string; value: string; suffix: string } | null {
  const m = LABEL_FIELD.exec(text) ?? CSV_LABEL.exec(text);
  if (!m) return null;
  // (one record for several parts, "qid: 3a, 3b, 3c": its first label read whole, the list kept)
  const first = asLabel(m[2].split(',')[0]).trimEnd();
  const label = findLabel(first, tree, [], { bare: true, plain: true });
  if (!label || label.end < first.length || label.path.length === 0) return null;
  return { prefix: m[1], value: m[2], suffix: m[3] };
}

/**
 * The lines of a script exported as records, their label fields read as labels and the fields' names,
 * quotes and portal values blanked; a script with fewer than two records is returned as it is.
 */
export function withRecordLabels(lines: Line[], tree: PartTree): Line[] {
  const labels = lines.map((l) => recordLabel(l.text, tree));
  if (labels.filter(Boolean).length < MIN_RECORDS) return lines;
  // (a record for several parts, "qid: 3a, 3b, 3c", answers them together: the letters its answer
  // lists them by, "(a) W_f ∈ R^{3×5}, (b) …", are its own, not labels splitting it)
  let together = false;
  return lines.map((l, i) => {
    const r = labels[i];
    if (r) together = r.value.includes(',');
    let text = together && !r ? l.text.replace(/\(\s*[a-h]\s*\)/g, blank) : l.text;
    // (a number alone, "5", as a question: "Q5", in the field name's room)
    if (r)
      text =
        (/^\d/.test(r.value) ? `${blank(r.prefix.slice(1))}Q` : blank(r.prefix)) +
        asLabel(r.value) +
        blank(r.suffix) +
        text.slice(r.prefix.length + r.value.length + r.suffix.length);
    text = text
      .replace(PORTAL_FIELD, blank)
      .replace(CSV_TAIL, blank)
      .replace(CONTENT_FIELD, blank)
      .replace(/"\s*,\s*"/g, (m) => ` |${' '.repeat(m.length - 2)}`)
      .replace(/["{}]/g, ' ');
    if (text === l.text) return l;
    // (the words keep what is left of them; a word blanked whole goes)
    const words = l.words
      .map((w) => ({ ...w, text: w.text.replace(/["{}]/g, '').replace(/^_/, '') }))
      .filter((w) => w.text.trim() && text.includes(w.text));
    return retext(l, text, words);
  });
}
