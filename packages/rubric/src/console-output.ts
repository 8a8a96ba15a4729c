// Working typed at a console (R, mostly: statistics students compute their answers there) pasted into
// an answer: `> per_gate <- 3*5 + 3`, then `> 4 * per_gate`, then what R printed, `[1] 72`. Read as the
// equations they are: the prompt dropped, `<-` an assignment, and a printed result the value of the
// line before it ("4 * per_gate = 72"; a vector "[1] 0.6044 0 0" is "= [0.6044, 0, 0]").

/** R's prompt before a command ("> x <- 3"), not a quotation's ("> In 1(b) you said …"). */
const PROMPT = /^(\s*)>\s?(?=[A-Za-z_][\w.]*\s*(?:<-|[-+*/(%]|$)|[\d(])/;
/** An assignment with R's arrow: `name <- expression`. */
const ASSIGN = /^(\s*[A-Za-z_][\w.]*)\s*<-\s*(?=\S)/;
/** R's `c(…)` of several values: the vector it builds ("c(0.5*0.4, 0, 0.05)"), not a call of c. */
const COMBINE = /(?<![\w.])c\((?=[^()]*(?:\([^()]*\)[^()]*)*,)/g;
/** What R prints for a result: its first element's index, then the values ("[1] 0.6043678 0 0"). */
const PRINTED = /^\s*\[1\]\s+(-?\d[\d.e+-]*(?:\s+-?\d[\d.e+-]*)*)\s*$/;

/** A line of working that a printed result can be the value of: an expression or a name. */
const computes = (line: string) =>
  /[A-Za-z\d)]\s*$/.test(line) && !/[=:]\s*[^=:]*$/.test(line.replace(/==/g, ''));

export function consoleWorking(lines: string[]): string[] {
  const out = lines.map((l) => l.replace(PROMPT, '$1  ').replace(ASSIGN, '$1 = ').replace(COMBINE, ' ('));
  return out.map((l, i) => {
    const printed = PRINTED.exec(l);
    if (!printed) return l;
    const values = printed[1].trim().split(/\s+/);
    const value = values.length > 1 ? `[${values.join(', ')}]` : values[0];
    // (the result of the command above it, where there is one; alone, it is still the value)
    const prev = i > 0 ? out[i - 1].trim() : '';
    return prev && computes(prev) && !PRINTED.test(prev) ? `= ${value}` : value;
  });
}

/** A result R printed in the text: what computed it may be commands whose numbers stand elsewhere. */
export const printedByConsole = (text: string) => text.split('\n').some((l) => PRINTED.test(l));
