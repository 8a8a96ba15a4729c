// Question parameters: the values an exam's engine-computed keys depend on (the vectors of 1(b), the
// sizes of Q3, the image and filter of Q5). Declared in exam.yaml with a kind and a default; an admin
// or `grader key --set NAME=VALUE` overrides them as text, parsed here with one-line errors.
import { z } from 'zod';

/** A parameter the user got wrong: unknown name, unparseable value, or values that do not fit together. */
export class ExamParameterError extends Error {
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ExamParameterError';
  }
}

const Label = z.string().optional();
export const ParameterSpecSchema = z.discriminatedUnion('kind', [
  /** numbers, written "0.2, 0.4, 0.8" (brackets or braces around them are fine) */
  z.object({ kind: z.literal('vector'), default: z.union([z.array(z.number()), z.string()]), label: Label }),
  /** a whole number ≥ min (default 1) */
  z.object({
    kind: z.literal('integer'),
    default: z.union([z.number(), z.string()]),
    min: z.number().int().optional(),
    label: Label,
  }),
  /** height × width × channels, written "200x200x3" */
  z.object({ kind: z.literal('dims'), default: z.string(), label: Label }),
]);
export type ParameterSpec = z.infer<typeof ParameterSpecSchema>;

export interface Dims {
  h: number;
  w: number;
  c: number;
}
export type ParameterValue = number[] | number | Dims;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(name: string, text: string): number {
  const s = text.trim().replace(/^\u2212/, '-');
  const v = Number(s);
  if (!NUMBER.test(s) || !Number.isFinite(v))
    throw new ExamParameterError(`${name}: "${text.trim()}" is not a number`, name);
  return v;
}

export function parseVector(name: string, text: string): number[] {
  const inner = text
    .trim()
    .replace(/^[[{(]\s*/, '')
    .replace(/\s*[\]})]$/, '');
  if (inner === '')
    throw new ExamParameterError(`${name}: empty vector (expected numbers like 0.2,0.4,0.8)`, name);
  return inner.split(/\s*,\s*|\s+/).map((part) => parseNumber(name, part));
}

export function parseInteger(name: string, text: string, min = 1): number {
  const v = parseNumber(name, text);
  if (!Number.isInteger(v) || v < min)
    throw new ExamParameterError(`${name}: expected a whole number ≥ ${min}, got ${text.trim()}`, name);
  if (v > Number.MAX_SAFE_INTEGER) throw new ExamParameterError(`${name}: ${text.trim()} is too large`, name);
  return v;
}

export function parseDims(name: string, text: string): Dims {
  const parts = text.trim().split(/\s*[x×X*]\s*/);
  if (parts.length !== 3) {
    throw new ExamParameterError(
      `${name}: expected height×width×channels like 200x200x3, got "${text.trim()}"`,
      name,
    );
  }
  const [h, w, c] = parts.map((p) => parseInteger(name, p));
  return { h, w, c };
}

export function parseParameter(
  name: string,
  spec: ParameterSpec,
  raw: string | number | readonly number[],
): ParameterValue {
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  switch (spec.kind) {
    case 'vector':
      return parseVector(name, text);
    case 'integer':
      return parseInteger(name, text, spec.min ?? 1);
    case 'dims':
      return parseDims(name, text);
  }
}

/** A value back as the text `--set` accepts. */
export function formatParameter(value: ParameterValue): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'number') return String(value);
  return `${value.h}x${value.w}x${value.c}`;
}

/** `NAME=VALUE` strings (as given to --set) to a record; the last of repeated names wins. */
export function parseOverrides(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    if (name === '') throw new ExamParameterError(`expected NAME=VALUE, got "${item}"`);
    out[name] = item.slice(eq + 1);
  }
  return out;
}

export type Overrides = Record<string, string | number | readonly number[]>;

/** Every parameter's value: the exam's default unless overridden. Unknown names are an error. */
export function resolveParameters(
  specs: Record<string, ParameterSpec>,
  overrides: Overrides = {},
): Record<string, ParameterValue> {
  const known = Object.keys(specs);
  for (const name of Object.keys(overrides)) {
    if (!(name in specs))
      throw new ExamParameterError(
        `unknown parameter "${name}" (known: ${known.join(', ') || 'none'})`,
        name,
      );
  }
  return Object.fromEntries(
    known.map((name) => [
      name,
      parseParameter(name, specs[name], name in overrides ? overrides[name] : specs[name].default),
    ]),
  );
}
