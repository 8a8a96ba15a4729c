// `grader paper --exam ID [--versions V.yaml --version B] --out FILE.pdf`: the question paper of one
// exam version (the exam's paper template filled in with the version's numbers, the version code on
// every page). Without --versions: the exam's own numbers (and the code given by --version, if any).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ExamParameterError,
  examParameters,
  findVersion,
  listExams,
  loadExam,
  loadVersions,
  UnknownExamError,
  VersionsError,
} from '@grader/exam';
import { PaperError, renderPaper } from '@grader/exam/paper';
import { CliError } from '../cli-error.ts';

const USAGE = `usage: grader paper --exam ID [--versions VERSIONS.yaml --version NAME] --out FILE.pdf
  --exam ID          the exam (e.g. cs60010-ct3)
  --versions FILE    the exam's versions (versions: {A: {}, B: {"3.hidden": 4}})
  --version NAME     the version to print (its code goes on every page)
  --out FILE.pdf     where to write the PDF ("-" for stdout)
`;

export interface PaperArgs {
  exam: string;
  versions: string | null;
  version: string | null;
  out: string;
}

export function parseArgs(argv: string[]): PaperArgs | 'help' {
  const out: Partial<PaperArgs> = { versions: null, version: null };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++k];
      if (next === undefined || (next.startsWith('--') && next !== '-'))
        throw new CliError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--exam') out.exam = value();
    else if (flag === '--versions') out.versions = value();
    else if (flag === '--version') out.version = value();
    else if (flag === '--out') out.out = value();
    else throw new CliError(`unknown option "${arg}" (try --help)`);
  }
  if (!out.exam) throw new CliError(`missing --exam ID (known: ${listExams().join(', ')})`);
  if (!out.out) throw new CliError('missing --out FILE.pdf');
  if (out.versions && !out.version)
    throw new CliError('--versions needs --version NAME: which version to print');
  return out as PaperArgs;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let bytes: Uint8Array;
  try {
    const exam = loadExam(args.exam);
    let version = { name: args.version ?? '', params: examParameters(exam) };
    if (args.versions) {
      let text: string;
      try {
        text = readFileSync(args.versions, 'utf8');
      } catch (e) {
        throw new CliError(
          `cannot read versions file ${args.versions}: ${(e as Error).message.split('\n')[0]}`,
        );
      }
      const versions = loadVersions(text, exam, basename(args.versions));
      const found = findVersion(versions, args.version ?? '');
      if (!found)
        throw new CliError(
          `version "${args.version}" is not in ${basename(args.versions)} (${versions.map((v) => v.name).join(', ')})`,
        );
      version = found;
    }
    bytes = await renderPaper(exam, version, { code: version.name || null });
  } catch (e) {
    if (
      e instanceof UnknownExamError ||
      e instanceof ExamParameterError ||
      e instanceof VersionsError ||
      e instanceof PaperError
    )
      throw new CliError(e.message);
    throw e;
  }
  if (args.out === '-') process.stdout.write(bytes);
  else {
    try {
      writeFileSync(args.out, bytes);
    } catch (e) {
      throw new CliError(`cannot write ${args.out}: ${(e as Error).message.split('\n')[0]}`);
    }
    process.stderr.write(`wrote ${args.out}${args.version ? ` (version ${args.version})` : ''}\n`);
  }
  return 0;
}
