// The question paper's text: the exam's paper template (exams/<id>/paper.md) and its parameters
// filled in. Apart from paper.ts, which prints it, so that reading it loads no PDF library.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exam } from './load.ts';
import type { Dims, ParameterValue } from './parameters.ts';

/** A paper template that cannot be filled in (missing file, unknown parameter or filter): one line. */
export class PaperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperError';
  }
}

/** The exam's paper template (exam.yaml `paper`, default paper.md in the exam's folder). */
export function paperTemplate(exam: Pick<Exam, 'id' | 'dir' | 'paper'>): { text: string; file: string } {
  const file = join(exam.dir, exam.paper ?? 'paper.md');
  try {
    return { text: readFileSync(file, 'utf8'), file };
  } catch {
    throw new PaperError(`exam ${exam.id} has no question paper template (${file})`);
  }
}

const isDims = (v: ParameterValue): v is Dims => typeof v === 'object' && !Array.isArray(v);

function formatValue(v: ParameterValue, filter: string | undefined, where: string): string {
  if (filter === undefined) {
    if (Array.isArray(v)) return v.join(', ');
    if (isDims(v)) return `${v.h} × ${v.w} × ${v.c}`;
    return String(v);
  }
  if (filter === 'set' && Array.isArray(v)) return `{${v.join(', ')}}`;
  if (filter === 'length' && Array.isArray(v)) return String(v.length);
  throw new PaperError(`${where}: filter "|${filter}" does not apply (known: |set and |length for vectors)`);
}

/**
 * The template with every `{{param:NAME}}` (`|set`: a vector in braces, `|length`: its length)
 * replaced by the parameter's value; HTML comments are dropped. Unknown names are an error.
 */
export function fillPaper(
  template: string,
  params: Record<string, ParameterValue>,
  source = 'paper',
): string {
  const text = template.replace(/<!--[\s\S]*?-->\n?/g, '');
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, inner: string, offset: number) => {
    const where = `${source} line ${text.slice(0, offset).split('\n').length}`;
    const m = /^param:([^|\s]+)(?:\s*\|\s*(\w+))?$/.exec(inner);
    if (!m) throw new PaperError(`${where}: "${whole}" is not {{param:NAME}}`);
    const value = params[m[1]];
    if (value === undefined)
      throw new PaperError(
        `${where}: unknown parameter "${m[1]}" (known: ${Object.keys(params).join(', ')})`,
      );
    return formatValue(value, m[2], where);
  });
}
