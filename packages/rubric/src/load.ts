// Loading a rubric from YAML with messages that point at the line and field of each problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, type Exam, examParameters } from '@grader/exam';
import { tryParseExpr } from '@grader/parse';
import { isNode, LineCounter, parseDocument } from 'yaml';
import {
  KeyError,
  type Keys,
  lookupPath,
  renderTemplate,
  resolveKey,
  TemplateError,
  type TemplateMode,
  templateRefs,
} from './keys.ts';
import { type Item, type KeyRef, type Part, Rubric } from './schema.ts';

/** One problem of a rubric: the field (`parts[0].items[1].points`; '' for the whole document), its line when known. */
export interface RubricIssue {
  path: string;
  line: number | null;
  message: string;
}

const formatIssue = (i: RubricIssue) =>
  `${i.line ? `line ${i.line}: ` : ''}${i.path ? `${i.path}: ` : ''}${i.message}`;

export class RubricError extends Error {
  /** the issues as text, `line 4: parts[0].items[1].points: expected number` */
  readonly problems: string[];
  constructor(
    readonly issues: RubricIssue[],
    source = 'rubric',
  ) {
    const problems = issues.map(formatIssue);
    super(`${source}: ${problems.length} problem(s) in the rubric:\n  ${problems.join('\n  ')}`);
    this.name = 'RubricError';
    this.problems = problems;
  }
}

type Path = Array<string | number>;

function fmtPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The keys and parameters a rubric's templates and engine references are checked against. */
export interface RubricValues {
  keys: Keys;
  params: Record<string, unknown>;
}

/**
 * Parse and validate rubric YAML. Throws RubricError listing every problem as
 * `line N: parts[3].items[0].points: expected number` (and semantic problems: points that do not add
 * up, references to unknown items, expressions or patterns that do not parse, templates that do not
 * parse or name no part). With `values` (the exam's keys and parameters), every template and engine
 * reference must also name a key or parameter that exists, and the filled-in patterns must compile.
 */
export function parseRubric(yamlText: string, source = 'rubric.yaml', values?: RubricValues): Rubric {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    throw new RubricError(
      doc.errors.map((e) => ({
        path: '',
        line: lc.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0],
      })),
      source,
    );
  }
  const lineOf = (path: Path): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
    }
    return null;
  };
  const issue = (path: Path, message: string): RubricIssue => ({
    path: fmtPath(path),
    line: lineOf(path),
    message,
  });
  const parsed = Rubric.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new RubricError(
      parsed.error.issues.map((i) => issue(i.path as Path, i.message)),
      source,
    );
  }
  const problems = [
    ...checkRubric(parsed.data),
    ...(values ? checkRubricValues(parsed.data, values) : []),
  ].map((p) => issue(p.path, p.message));
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
  // templates: syntax, filters, and names that start with a part id (or param:, or the item's own key)
  r.parts.forEach((part, pi) => {
    for (const f of templateFields(part)) {
      try {
        for (const ref of templateRefs(f.text)) {
          if (ref.name === 'key' && !f.own)
            out.push({
              path: ['parts', pi, ...f.path],
              message: '{{key}} is used where there is no item key',
            });
          else if (
            ref.name !== 'key' &&
            !ref.name.startsWith('param:') &&
            !r.parts.some((p) => ref.name === p.id || ref.name.startsWith(`${p.id}.`))
          )
            out.push({
              path: ['parts', pi, ...f.path],
              message: `unknown key "${ref.name}" in a template (keys are named by part id: {{3c}}, {{5.depthwise_output}}; parameters as {{param:3.hidden}})`,
            });
        }
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
        out.push({ path: ['parts', pi, ...f.path], message: err.message });
      }
    }
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
      it.inWords?.all.forEach((re, k) => {
        if (!compiles(re))
          out.push({ path: [...at, 'inWords', 'all', k], message: `not a valid regular expression: ${re}` });
      });
      break;
    case 'concept':
      it.facets.forEach((f, fi) => {
        for (const key of ['any', 'negated', 'contested', 'topic'] as const)
          for (const re of f[key])
            if (!compiles(re))
              out.push({
                path: [...at, 'facets', fi, key],
                message: `not a valid regular expression: ${re}`,
              });
      });
      break;
  }
  return out;
}

/** The seeded rubric for an exam: exams/<id>/rubric.yaml next to its exam.yaml. */
export function loadRubricFile(file: string, values?: RubricValues): Rubric {
  return parseRubric(readFileSync(file, 'utf8'), file, values);
}

/**
 * exams/<id>/rubric.yaml. Given the whole exam (not only its folder), the templates and engine
 * references are checked against the keys and parameters of the exam's defaults.
 */
export function loadRubric(exam: { dir: string } & Partial<Pick<Exam, 'parts' | 'parameters'>>): Rubric {
  let values: RubricValues | undefined;
  if (exam.parts) {
    const withParts = exam as Pick<Exam, 'parts' | 'parameters'>;
    values = { keys: computeKeys(withParts), params: examParameters(withParts) };
  }
  return loadRubricFile(join(exam.dir, 'rubric.yaml'), values);
}

// ---------------------------------------------------------------------------------------------
// templates: every text and pattern of the rubric may name keys and parameters (`{{3c.weights_only}}`,
// `{{param:3.hidden}}`); they are filled in once per parameter set, so grading sees plain strings

interface TemplateField {
  /** inside the part */
  path: Path;
  mode: TemplateMode;
  text: string;
  /** the item's own key, for `{{key}}` */
  own?: KeyRef;
}

/** Every field of a part that is a template: texts (labels, reasons, descriptions) and patterns. */
function templateFields(part: Part): TemplateField[] {
  const out: TemplateField[] = [];
  const text = (path: Path, s: string | undefined, own?: KeyRef) => {
    if (s !== undefined) out.push({ path, mode: 'text', text: s, own });
  };
  const patterns = (path: Path, list: string[] | undefined, own?: KeyRef) => {
    list?.forEach((s, k) => {
      out.push({ path: [...path, k], mode: 'pattern', text: s, own });
    });
  };
  text(['title'], part.title);
  text(['work', 'describe'], part.work.describe);
  patterns(['work', 'reasons'], part.work.reasons);
  part.caps.forEach((c, k) => {
    text(['caps', k, 'reason'], c.reason);
  });
  part.items.forEach((it, ii) => {
    const at: Path = ['items', ii];
    const own = 'key' in it ? it.key : undefined;
    text([...at, 'label'], it.label, own);
    switch (it.type) {
      case 'value':
        it.alternatives.forEach((a, k) => {
          text([...at, 'alternatives', k, 'reason'], a.reason, own);
        });
        text([...at, 'slip', 'reason'], it.slip?.reason, own);
        text([...at, 'ecf', 'reason'], it.ecf?.reason, own);
        text([...at, 'components', 'reason'], it.components?.reason, own);
        text([...at, 'work', 'describe'], it.work?.describe, own);
        patterns([...at, 'work', 'reasons'], it.work?.reasons, own);
        patterns([...at, 'cues'], it.cues, own);
        patterns([...at, 'transposed', 'when'], it.transposed?.when, own);
        text([...at, 'transposed', 'unstated'], it.transposed?.unstated, own);
        break;
      case 'term':
        it.alternatives.forEach((a, k) => {
          text([...at, 'alternatives', k, 'reason'], a.reason);
        });
        break;
      case 'expression':
        it.reject.forEach((a, k) => {
          text([...at, 'reject', k, 'reason'], a.reason);
        });
        text([...at, 'right'], it.right);
        text([...at, 'wrong'], it.wrong);
        text([...at, 'unread'], it.unread);
        patterns([...at, 'inWords', 'all'], it.inWords?.all);
        text([...at, 'inWords', 'reason'], it.inWords?.reason);
        break;
      case 'sum':
        text([...at, 'right'], it.right);
        text([...at, 'notDerived'], it.notDerived);
        text([...at, 'missing'], it.missing);
        break;
      case 'concept':
        it.facets.forEach((f, fi) => {
          patterns([...at, 'facets', fi, 'any'], f.any);
          patterns([...at, 'facets', fi, 'negated'], f.negated);
          patterns([...at, 'facets', fi, 'contested'], f.contested);
          patterns([...at, 'facets', fi, 'topic'], f.topic);
        });
        break;
    }
  });
  return out;
}

/** Every engine reference of a part (item keys, alternatives, components, error-carried-forward keys). */
function engineRefs(part: Part): Array<{ path: Path; name: string }> {
  const out: Array<{ path: Path; name: string }> = [];
  const ref = (path: Path, k: KeyRef | undefined) => {
    if (k && 'engine' in k) out.push({ path, name: k.engine });
  };
  part.items.forEach((it, ii) => {
    const at: Path = ['items', ii];
    if (it.type === 'mapping') ref([...at, 'key'], it.key);
    if (it.type !== 'value') return;
    ref([...at, 'key'], it.key);
    it.alternatives.forEach((a, k) => {
      ref([...at, 'alternatives', k, 'value'], a.value);
    });
    it.components?.keys.forEach((c, k) => {
      ref([...at, 'components', 'keys', k], c);
    });
    for (const [name, arg] of Object.entries(it.ecf?.args ?? {}))
      if ('key' in arg) out.push({ path: [...at, 'ecf', 'args', name], name: arg.key });
  });
  return out;
}

/** Fill one field in; a problem (unknown name, a list in a pattern, a pattern that no longer compiles) is thrown. */
function renderField(f: TemplateField, values: RubricValues): string {
  const own = f.own ? resolveKey(f.own, values.keys) : undefined;
  const out = renderTemplate(f.text, { ...values, own }, f.mode);
  if (f.mode === 'pattern' && !compiles(out))
    throw new TemplateError(`filled in, not a valid regular expression: ${out}`);
  return out;
}

/** Templates and engine references checked against an exam's keys and parameters. */
export function checkRubricValues(r: Rubric, values: RubricValues): RubricProblem[] {
  const out: RubricProblem[] = [];
  r.parts.forEach((part, pi) => {
    for (const e of engineRefs(part))
      if (lookupPath(values.keys, e.name) === undefined)
        out.push({
          path: ['parts', pi, ...e.path],
          message: `the engine computes no key "${e.name}" (known: ${Object.keys(values.keys).join(', ')})`,
        });
    for (const f of templateFields(part)) {
      try {
        renderField(f, values);
      } catch (err) {
        if (!(err instanceof TemplateError || err instanceof KeyError)) throw err;
        out.push({ path: ['parts', pi, ...f.path], message: err.message });
      }
    }
  });
  // one problem per field is enough (an item key the engine lacks also fails its {{key}} texts)
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = fmtPath(p.path);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function setAt(obj: unknown, path: Path, value: string): void {
  let cur = obj as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
}

type Cache<K extends object, V> = WeakMap<K, WeakMap<object, WeakMap<object, V>>>;
const preparedParts: Cache<Part, Part> = new WeakMap();
const preparedRubrics: Cache<Rubric, Rubric> = new WeakMap();
/** parts and rubrics with nothing left to fill in */
const plain = new WeakSet<object>();

function memo<K extends object, V>(cache: Cache<K, V>, key: K, values: RubricValues, make: () => V): V {
  let byKeys = cache.get(key);
  if (!byKeys) {
    byKeys = new WeakMap();
    cache.set(key, byKeys);
  }
  let byParams = byKeys.get(values.keys);
  if (!byParams) {
    byParams = new WeakMap();
    byKeys.set(values.keys, byParams);
  }
  let v = byParams.get(values.params);
  if (v === undefined) {
    v = make();
    byParams.set(values.params, v);
  }
  return v;
}

/**
 * A part with its templates filled in for these keys and parameters (a copy; the part itself is left
 * as it is). Memoised per part and values; a part without templates is returned as it is. Throws
 * RubricError naming the field for an unknown key or parameter.
 */
export function preparePart(part: Part, values: RubricValues, at: Path = []): Part {
  if (plain.has(part)) return part;
  return memo(preparedParts, part, values, () => {
    const fields = templateFields(part).filter((f) => f.text.includes('{{') || f.text.includes('}}'));
    if (!fields.length) {
      plain.add(part);
      return part;
    }
    const out = structuredClone(part);
    const problems: RubricIssue[] = [];
    for (const f of fields) {
      try {
        setAt(out, f.path, renderField(f, values));
      } catch (err) {
        if (!(err instanceof TemplateError || err instanceof KeyError)) throw err;
        problems.push({ path: fmtPath([...at, ...f.path]), line: null, message: err.message });
      }
    }
    if (problems.length) throw new RubricError(problems, `rubric part ${part.id}`);
    plain.add(out);
    return out;
  });
}

/**
 * The rubric as grading sees it for one parameter set: every `{{...}}` in its labels, reasons,
 * descriptions and patterns filled in from the keys and parameters (`{{3c.weights_only}}` is 96 when
 * 3.hidden is 4). Memoised per rubric and values (grading 1,000 scripts fills the rubric in once);
 * idempotent. The grading functions exported by this package call it themselves.
 */
export function prepareRubric(rubric: Rubric, values: RubricValues): Rubric {
  if (plain.has(rubric)) return rubric;
  return memo(preparedRubrics, rubric, values, () => {
    const parts = rubric.parts.map((p, pi) => preparePart(p, values, ['parts', pi]));
    const out = parts.every((p, k) => p === rubric.parts[k]) ? rubric : { ...rubric, parts };
    plain.add(out);
    return out;
  });
}
