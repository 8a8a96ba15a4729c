// Loading a rubric from YAML with messages that point at the line and field of each problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryParseExpr } from '@grader/parse';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { type Item, Rubric } from './schema.ts';

export class RubricError extends Error {
  constructor(
    readonly problems: string[],
    source = 'rubric',
  ) {
    super(`${source}: ${problems.length} problem(s) in the rubric:\n  ${problems.join('\n  ')}`);
    this.name = 'RubricError';
  }
}

type Path = Array<string | number>;

function fmtPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Parse and validate rubric YAML. Throws RubricError listing every problem as
 * `line N: parts[3].items[0].points: expected number` (and semantic problems: points that do not add
 * up, references to unknown items, expressions or patterns that do not parse).
 */
export function parseRubric(yamlText: string, source = 'rubric.yaml'): Rubric {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    throw new RubricError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return `${pos ? `line ${pos.line}: ` : ''}${e.message.split('\n')[0]}`;
      }),
      source,
    );
  }
  const lineOf = (path: Path): string => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return `line ${lc.linePos(node.range[0]).line}: `;
    }
    return '';
  };
  const parsed = Rubric.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new RubricError(
      parsed.error.issues.map(
        (i) => `${lineOf(i.path as Path)}${fmtPath(i.path as Path) || '(top level)'}: ${i.message}`,
      ),
      source,
    );
  }
  const problems = checkRubric(parsed.data).map((p) => `${lineOf(p.path)}${fmtPath(p.path)}: ${p.message}`);
  if (problems.length) throw new RubricError(problems, source);
  return parsed.data;
}

export interface RubricProblem {
  path: Path;
  message: string;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Semantic checks the schema cannot express. */
export function checkRubric(r: Rubric): RubricProblem[] {
  const out: RubricProblem[] = [];
  const sum = r.parts.reduce((s, p) => s + p.points, 0);
  if (!near(sum, r.total))
    out.push({ path: ['total'], message: `parts add up to ${sum}, not the total ${r.total}` });
  const partIds = new Set<string>();
  r.parts.forEach((part, pi) => {
    if (partIds.has(part.id))
      out.push({ path: ['parts', pi, 'id'], message: `part "${part.id}" appears twice` });
    partIds.add(part.id);
    const itemSum = part.items.reduce((s, it) => s + it.points, 0);
    if (!near(itemSum, part.points)) {
      out.push({
        path: ['parts', pi, 'points'],
        message: `items of part ${part.id} add up to ${itemSum}, not its ${part.points} points`,
      });
    }
    const ids = new Set<string>();
    part.items.forEach((it, ii) => {
      const at: Path = ['parts', pi, 'items', ii];
      if (ids.has(it.id))
        out.push({ path: [...at, 'id'], message: `item "${it.id}" appears twice in part ${part.id}` });
      ids.add(it.id);
      out.push(...checkItem(it, part.items, at));
    });
    part.caps.forEach((c, ci) => {
      if (c.max > part.points)
        out.push({
          path: ['parts', pi, 'caps', ci, 'max'],
          message: `cap ${c.max} exceeds the part's ${part.points} points`,
        });
    });
    [...part.work.reasons].forEach((re, k) => {
      if (!compiles(re))
        out.push({
          path: ['parts', pi, 'work', 'reasons', k],
          message: `not a valid regular expression: ${re}`,
        });
    });
  });
  // references across parts (error carried forward)
  r.parts.forEach((part, pi) => {
    part.items.forEach((it, ii) => {
      if (it.type !== 'value' || !it.ecf) return;
      for (const [name, arg] of Object.entries(it.ecf.args)) {
        if ('answer' in arg) {
          const [pid, iid] = arg.answer.split('#');
          const target = r.parts.find((p) => p.id === pid);
          if (!target || (iid && !target.items.some((x) => x.id === iid))) {
            out.push({
              path: ['parts', pi, 'items', ii, 'ecf', 'args', name],
              message: `refers to unknown answer "${arg.answer}"`,
            });
          }
        }
      }
    });
  });
  return out;
}

function compiles(re: string): boolean {
  try {
    new RegExp(re, 'i');
    return true;
  } catch {
    return false;
  }
}

function checkItem(it: Item, siblings: Item[], at: Path): RubricProblem[] {
  const out: RubricProblem[] = [];
  const expr = (s: string, path: Path) => {
    if (!tryParseExpr(s)) out.push({ path, message: `expression does not parse: ${s}` });
  };
  switch (it.type) {
    case 'value':
      if (it.formula) expr(it.formula, [...at, 'formula']);
      it.alternatives.forEach((a, k) => {
        if (a.credit > it.points)
          out.push({
            path: [...at, 'alternatives', k, 'credit'],
            message: `credit ${a.credit} exceeds the item's ${it.points} points`,
          });
      });
      it.transposed?.when.forEach((re, k) => {
        if (!compiles(re))
          out.push({
            path: [...at, 'transposed', 'when', k],
            message: `not a valid regular expression: ${re}`,
          });
      });
      break;
    case 'term':
      expr(it.expr, [...at, 'expr']);
      it.alternatives.forEach((a, k) => {
        expr(a.expr, [...at, 'alternatives', k, 'expr']);
      });
      break;
    case 'sum':
      it.of.forEach((id, k) => {
        const t = siblings.find((s) => s.id === id);
        if (t?.type !== 'term')
          out.push({ path: [...at, 'of', k], message: `"${id}" is not a term item of this part` });
      });
      break;
    case 'expression':
      expr(it.expr, [...at, 'expr']);
      it.accept.forEach((a, k) => {
        expr(a, [...at, 'accept', k]);
      });
      it.reject.forEach((a, k) => {
        expr(a.expr, [...at, 'reject', k, 'expr']);
      });
      break;
    case 'concept':
      it.facets.forEach((f, fi) => {
        [...f.any, ...f.negated].forEach((re, k) => {
          if (!compiles(re))
            out.push({
              path: [...at, 'facets', fi, k < f.any.length ? 'any' : 'negated'],
              message: `not a valid regular expression: ${re}`,
            });
        });
      });
      break;
  }
  return out;
}

/** The rubric seeded for an exam: exams/<id>/rubric.yaml next to its exam.yaml. */
export function loadRubricFile(file: string): Rubric {
  return parseRubric(readFileSync(file, 'utf8'), file);
}

export function loadRubric(exam: { dir: string }): Rubric {
  return loadRubricFile(join(exam.dir, 'rubric.yaml'));
}
