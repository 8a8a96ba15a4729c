// `grader key --exam ID [--json] [--set NAME=VALUE ...]`: the answer keys the engine computes from the
// exam's parameters. --json prints one JSON object (part id -> key, exam order) and nothing else.
import {
  computeKeys,
  type Exam,
  ExamParameterError,
  engineParts,
  type KeyValue,
  listExams,
  loadExam,
  parameterDefaults,
  parseOverrides,
  stringifyKeys,
  UnknownExamError,
} from '@grader/exam';
import { CliError } from '../cli-error.ts';

const USAGE = `usage: grader key --exam ID [--json] [--set NAME=VALUE ...]
  --exam ID          the exam (e.g. cs60010-ct3)
  --json             print one JSON object: part id -> key
  --set NAME=VALUE   override a question parameter (repeatable), e.g. --set 5.image=100x100x3
`;

interface Args {
  exam: string;
  json: boolean;
  sets: string[];
}

function parseArgs(argv: string[]): Args | 'help' {
  let exam: string | undefined;
  let json = false;
  const sets: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++k];
      if (next === undefined || next.startsWith('--')) throw new CliError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--exam') exam = value();
    else if (flag === '--set') sets.push(value());
    else if (flag === '--json' && inline === undefined) json = true;
    else if (flag === '--help' || flag === '-h') return 'help';
    else throw new CliError(`unknown option "${arg}" (try --help)`);
  }
  if (!exam) throw new CliError(`missing --exam ID (known: ${listExams().join(', ')})`);
  return { exam, json, sets };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const dims = (d: number[]) => d.join(' × ');

function describeKey(id: string, key: KeyValue): string {
  if (typeof key === 'number') return thousands(key);
  if (Array.isArray(key)) return id.startsWith('3') ? dims(key) : `[${key.join(', ')}]`;
  const k = key as Record<string, number | number[]>;
  if ('depthwise_output' in k) {
    return (
      `depthwise out ${dims(k.depthwise_output as number[])}; pointwise out ${dims(k.pointwise_output as number[])}; ` +
      `multiplications ${thousands(k.multiplications as number)} = ${thousands(k.depthwise_multiplications as number)} + ${thousands(k.pointwise_multiplications as number)}`
    );
  }
  return JSON.stringify(key);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function readable(exam: Exam, keys: Record<string, KeyValue>, overrides: Record<string, string>): string {
  const values = parameterDefaults(exam, overrides);
  const params = table([
    ['parameter', 'value', 'meaning'],
    ...Object.entries(values).map(([name, v]) => [
      name in overrides ? `${name} *` : name,
      v,
      exam.parameters?.[name]?.label ?? '',
    ]),
  ]);
  const parts = table([
    ['part', 'computed as', 'key'],
    ...engineParts(exam).map((p) => [p.id, p.description, describeKey(p.id, keys[p.id])]),
  ]);
  const note = Object.keys(overrides).length > 0 ? '\n(* overridden with --set)' : '';
  return `${exam.title} (${exam.id}): answer keys computed by the engine\n\n${params}${note}\n\n${parts}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const exam = loadExam(args.exam);
    const overrides = parseOverrides(args.sets);
    const keys = computeKeys(exam, overrides);
    process.stdout.write(args.json ? `${stringifyKeys(exam, keys)}\n` : readable(exam, keys, overrides));
    return 0;
  } catch (err) {
    if (err instanceof UnknownExamError || err instanceof ExamParameterError) throw new CliError(err.message);
    throw err;
  }
}
