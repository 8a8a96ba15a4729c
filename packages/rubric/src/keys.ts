// Answer keys: literal values in the rubric or entries of the engine's computeKeys output.
import type { KeyRef } from './schema.ts';

export type Keys = Record<string, unknown>;

export class KeyError extends Error {}

/**
 * Look up a dotted engine path in computeKeys' output. Part ids contain dots themselves (`1b.i`),
 * so the longest key that prefixes the path wins: `5.multiplications` -> keys["5"].multiplications.
 */
export function lookupPath(obj: Keys, path: string): unknown {
  if (path in obj) return obj[path];
  const segs = path.split('.');
  for (let n = segs.length - 1; n >= 1; n--) {
    const head = segs.slice(0, n).join('.');
    if (head in obj) {
      let cur: unknown = obj[head];
      for (const s of segs.slice(n)) {
        if (cur && typeof cur === 'object' && s in (cur as object)) cur = (cur as Record<string, unknown>)[s];
        else {
          // accept camelCase and snake_case spellings of the same field
          const alt = s.includes('_')
            ? s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
            : s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
          if (cur && typeof cur === 'object' && alt in (cur as object))
            cur = (cur as Record<string, unknown>)[alt];
          else return undefined;
        }
      }
      return cur;
    }
  }
  return undefined;
}

export function resolveKey(ref: KeyRef, keys: Keys): unknown {
  if ('literal' in ref) return ref.literal;
  const v = lookupPath(keys, ref.engine);
  if (v === undefined) throw new KeyError(`the engine computed no key "${ref.engine}"`);
  return ref.round === undefined ? v : roundKey(v, ref.round);
}

/** A key value as a list of numbers (scalars become one-element lists). */
export function asNumbers(v: unknown): number[] | null {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  return null;
}

/** A key rounded to `decimals` places, element by element (halves away from zero, as people round). */
export function roundKey(v: unknown, decimals: number): unknown {
  const s = 10 ** decimals;
  const r = (x: number) => {
    const y = (Math.sign(x) * Math.round(Number((Math.abs(x) * s).toPrecision(12)))) / s;
    return y === 0 ? 0 : y;
  };
  if (typeof v === 'number') return r(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.map(r);
  throw new KeyError('only numbers and vectors can be rounded');
}

// ---------------------------------------------------------------------------------------------
// templates: rubric texts and patterns computed from the keys and the parameters

/**
 * What a template may name: `{{3a}}` an engine key (dotted path into computeKeys: `5.depthwise_output.0`,
 * `3c.weights_only`), `{{param:3.hidden}}` a question parameter (`param:5.image.h`), `{{key}}` the
 * item's own key.
 */
export interface TemplateValues {
  keys: Keys;
  params: Record<string, unknown>;
  /** the item's own key, for `{{key}}` */
  own?: unknown;
}

/**
 * `text`: labels, reasons, descriptions (numbers as people write them: 3,088,878, [0.6044, 0, 0]).
 * `pattern`: regular expressions (plain digits, escaped; `|words` gives `(?:3|three)`).
 */
export type TemplateMode = 'text' | 'pattern';

export class TemplateError extends Error {}

const TEMPLATE = /\{\{([^{}]*)\}\}/g;
const FILTERS = ['dims', 'words', 'plain', 'round', 'times'] as const;
type Filter = { name: (typeof FILTERS)[number]; arg?: number };

export interface TemplateRef {
  /** `key`, `param:NAME` or an engine key path */
  name: string;
  filters: Filter[];
}

/** The `{{...}}` references in a text (syntax checked: names, filters and their arguments). */
export function templateRefs(text: string): TemplateRef[] {
  const out: TemplateRef[] = [];
  const open = text.split('{{').length - 1;
  const close = text.split('}}').length - 1;
  for (const m of text.matchAll(TEMPLATE)) {
    const [head, ...rest] = m[1].split('|').map((s) => s.trim());
    if (!head) throw new TemplateError(`empty template ${m[0]}`);
    if (head.startsWith('param:') && head.length === 6)
      throw new TemplateError(`no parameter named in ${m[0]}`);
    const filters = rest.map((f): Filter => {
      const [name, arg, ...more] = f.split(':').map((s) => s.trim());
      if (!(FILTERS as readonly string[]).includes(name))
        throw new TemplateError(`unknown filter "${name}" in ${m[0]} (known: ${FILTERS.join(', ')})`);
      const needsArg = name === 'round' || name === 'times';
      if (needsArg !== (arg !== undefined) || more.length)
        throw new TemplateError(
          needsArg ? `${name} needs a number (${name}:2) in ${m[0]}` : `${name} takes no argument in ${m[0]}`,
        );
      const n = arg === undefined ? undefined : Number(arg);
      if (n !== undefined && (!Number.isFinite(n) || (name === 'round' && (!Number.isInteger(n) || n < 0))))
        throw new TemplateError(`"${arg}" is not a valid argument of ${name} in ${m[0]}`);
      return { name: name as Filter['name'], arg: n };
    });
    out.push({ name: head, filters });
  }
  if (open !== out.length || close !== out.length) throw new TemplateError(`unbalanced {{ }} in "${text}"`);
  return out;
}

/** The value a template reference names, or a TemplateError naming what is unknown. */
export function templateValue(name: string, values: TemplateValues): unknown {
  let v: unknown;
  if (name === 'key') {
    if (values.own === undefined) throw new TemplateError('{{key}} is used where there is no item key');
    v = values.own;
  } else if (name.startsWith('param:')) {
    v = lookupPath(values.params as Keys, name.slice(6));
    if (v === undefined)
      throw new TemplateError(
        `unknown parameter "${name.slice(6)}" (known: ${Object.keys(values.params).join(', ') || 'none'})`,
      );
  } else {
    v = lookupPath(values.keys, name);
    if (v === undefined)
      throw new TemplateError(
        `unknown key "${name}" (known: ${Object.keys(values.keys).join(', ') || 'none'})`,
      );
  }
  return v;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const isDims = (v: unknown): v is { h: number; w: number; c: number } =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  ['h', 'w', 'c'].every((k) => typeof (v as never)[k] === 'number');

function formatValue(name: string, raw: unknown, filters: Filter[], mode: TemplateMode): string {
  let v = isDims(raw) ? [raw.h, raw.w, raw.c] : raw;
  const has = (f: Filter['name']) => filters.some((x) => x.name === f);
  for (const f of filters) {
    if (f.name === 'round') v = roundKey(v, f.arg!);
    if (f.name === 'times') {
      const n = asNumbers(v);
      if (!n) throw new TemplateError(`{{${name}}} is not a number to multiply`);
      v = typeof v === 'number' ? v * f.arg! : n.map((x) => x * f.arg!);
    }
  }
  const nums = asNumbers(v);
  if (!nums) throw new TemplateError(`{{${name}}} is not a number or a list of numbers`);
  const dims = has('dims') || isDims(raw);
  const list = Array.isArray(v);
  const plainNum = (x: number) => (Number.isInteger(x) ? String(x) : String(+x.toFixed(4)));
  if (mode === 'pattern') {
    const one = (x: number) => {
      const digits = escapeRe(String(Number(x.toPrecision(12))));
      return has('words') && Number.isInteger(x) && x >= 0 && x < NUMBER_WORDS.length
        ? `(?:${digits}|${NUMBER_WORDS[x]})`
        : digits;
    };
    if (!list) return one(nums[0]);
    if (!dims) throw new TemplateError(`{{${name}}} is a list: in a pattern it needs |dims`);
    return nums.map(one).join(' ?(?:\\*|x|×|by) ?');
  }
  if (dims && list) return nums.map(plainNum).join(' × ');
  const fmt = (x: number) => (Number.isInteger(x) && !has('plain') ? x.toLocaleString('en-US') : plainNum(x));
  return list ? `[${nums.map(fmt).join(', ')}]` : fmt(nums[0]);
}

/**
 * Fill a text's `{{...}}` references. Filters: `|dims` (199 × 199 × 3), `|plain` (no thousands
 * separators), `|words` (patterns: the number or its word), `|round:N`, `|times:N`.
 * Throws TemplateError for an unknown name or filter.
 */
export function renderTemplate(text: string, values: TemplateValues, mode: TemplateMode = 'text'): string {
  if (!text.includes('{{')) {
    if (text.includes('}}')) templateRefs(text);
    return text;
  }
  const refs = templateRefs(text);
  let k = 0;
  return text.replace(TEMPLATE, () => {
    const ref = refs[k++];
    return formatValue(ref.name, templateValue(ref.name, values), ref.filters, mode);
  });
}
