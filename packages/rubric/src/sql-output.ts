// Working done as SQL queries and pasted with what the database printed (psql, MySQL/MariaDB,
// SQLite): `ct3=> SELECT 199*199*3*16 AS mults;` over a result table (`  mults` / `---------` /
// ` 1900848` / `(1 row)`, or a `+---+` box and `1 row in set`). A SELECT of arithmetic alone is read
// as the equations it computed, `199*199*3*16 = 1900848`; several columns also as one vector on the
// table's first line, `[1*0.2 + 1*0.5, 0.5*0.4 + 0*0, …] = [0.7, 0.20, 0.05]`. A query that failed
// (`ERROR 1305 …`) is no working; a query over a table (`FROM (VALUES …)`) is SQL, not arithmetic: its
// lines read as nothing, what it printed stays. Lines keep their places.

/** A client's prompt before a command, or before a command's next line (`ct3->`, `    ->`, `   ...>`). */
const PROMPT = /^\s*(?:[\w.]+[=-][#>]|mysql>|MariaDB\s*\[[^\]]*\]>|sqlite>|\.\.\.>|->)\s?/i;
/**
 * A query's first line: a SELECT after a client's prompt, or in capitals, or ending with its ";" (not
 * a sentence, "Select the largest score").
 */
const PROMPTED = new RegExp(`^(?:${PROMPT.source.slice(1)})\\s*select\\b`, 'i');
const isQuery = (line: string) =>
  PROMPTED.test(line) || /^\s*SELECT\b/.test(line) || /^\s*select\b.*;\s*$/i.test(line);
/** A client's own report: an error (and its message), a row count, a dot-command. */
const ERROR = /^\s*(?:ERROR\b|Error:|LINE \d+:|HINT:|\^\s*$)/;
/** An error message wrapped onto the next line ("that corresponds to your MySQL server version …"). */
const ERROR_GOES_ON = /\bnear\b|\bat line \d+|\bmanual\b|\bsyntax\b|\bdoes not exist\b/i;
const ROWS = /^\s*(?:\(\d+ rows?\)|\d+ rows? in set\b|Empty set\b|Query OK\b)/i;
/** A result table's rule: `+-----+------+`, `-----+------`, `├──┤`. */
const RULE = /^\s*[-+=|─┼├┤┌┐└┘┬┴\s]*-[-+=|─┼├┤┌┐└┘┬┴\s]*$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A SELECT item's expression in a formula's spelling: functions in small letters, casts and rounding dropped. */
function arithmetic(item: string): string | null {
  let e = item
    .replace(/\s+AS\s+("[^"]*"|`[^`]*`|'[^']*'|\w+)\s*$/i, '')
    .replace(/::\s*\w+(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?/g, '')
    .trim();
  // ROUND(x, 4) and CAST(x AS DECIMAL(10,4)) are x (innermost first)
  for (let k = 0; k < 4; k++)
    e = e
      .replace(/\bround\s*\(([^()]*(?:\([^()]*\)[^()]*)*),\s*\d+\s*\)/gi, '($1)')
      .replace(/\bcast\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\s+as\s+\w+(?:\s*\([\d\s,]*\))?\s*\)/gi, '($1)')
      .replace(/\bpower\s*\(([^(),]*(?:\([^()]*\)[^(),]*)*),([^()]*(?:\([^()]*\)[^()]*)*)\)/gi, '($1)^($2)');
  e = e.replace(/\b(TANH|EXP|SQRT|LN|LOG)\s*\(/gi, (_m, f: string) => `${f.toLowerCase()}(`);
  // arithmetic only: numbers, operators, brackets and the functions above
  return /^[\d\s.+\-*/^()e,]*$/.test(e.replace(/\b(?:tanh|exp|sqrt|ln|log)\(/g, '(')) && /\d/.test(e)
    ? e
    : null;
}

/** The items of a select list, split at its top-level commas. */
function items(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** A result row's cells: `| 0.7 | 0.20 | 0.05 |`, ` 0.7 | 0.20`, `0.604367777117164`. */
const cells = (line: string) =>
  line
    .replace(/[│┃]/g, '|')
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((c) => c.trim());

export function sqlWorking(lines: string[]): string[] {
  if (!lines.some((l) => isQuery(l))) return lines;
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!isQuery(out[i])) continue;
    // the command: its first line to the line that ends it with ";" (or the last prompted line)
    let end = i;
    while (
      !/;\s*$/.test(out[end]) &&
      end + 1 < out.length &&
      PROMPT.test(out[end + 1]) &&
      !isQuery(out[end + 1])
    )
      end++;
    const command = out
      .slice(i, end + 1)
      .map((l) => l.replace(PROMPT, ''))
      .join(' ')
      .replace(/;\s*$/, '')
      .replace(/^\s*SELECT\s+/i, '');
    // what the client printed: its table (rules, a header, rows of cells or one value), its row
    // count, or an error and the message it wraps onto (a text layer keeps no blank line to stop at)
    let stop = end + 1;
    while (stop < out.length && !isQuery(out[stop]) && !PROMPT.test(out[stop])) {
      const l = out[stop];
      const row = RULE.test(l) || /\|/.test(l) || /^\s*[\w.?+\-()]+\s*$/.test(l);
      const error = ERROR.test(l) || (stop > end + 1 && ERROR.test(out[stop - 1]) && ERROR_GOES_ON.test(l));
      if (!row && !error && !ROWS.test(l)) break;
      stop++;
      if (ROWS.test(l)) break;
    }
    const printed = out.slice(end + 1, stop);
    const failed = printed.some((l) => ERROR.test(l));
    const exprs = /\bFROM\b|\bUNION\b|\bVALUES\b/i.test(command) ? null : items(command).map(arithmetic);
    const rows = printed.filter((l) => !RULE.test(l) && !ROWS.test(l) && l.trim() !== '');
    // the header names the columns where there is one (psql and the boxes print it; plain sqlite does not)
    const values = rows.map(cells).find((r) => r.every((c) => NUMBER.test(c)));
    const readable =
      !failed &&
      exprs !== null &&
      exprs.every((e) => e !== null) &&
      values !== undefined &&
      values.length === exprs.length;
    for (let k = i; k <= end; k++) out[k] = '';
    if (failed) {
      for (let k = end + 1; k < stop; k++) out[k] = '';
      continue;
    }
    if (!readable) {
      // (a query over a table: its rules and row count go, the rows it printed stay)
      for (let k = end + 1; k < stop; k++) if (RULE.test(out[k]) || ROWS.test(out[k])) out[k] = '';
      i = stop - 1;
      continue;
    }
    out[i] = exprs.map((e, k) => `${e} = ${values[k]}`).join('; ');
    for (let k = end + 1; k < stop; k++) out[k] = '';
    if (exprs.length > 1 && end + 1 < stop) out[end + 1] = `[${exprs.join(', ')}] = [${values.join(', ')}]`;
    i = stop - 1;
  }
  return out;
}
