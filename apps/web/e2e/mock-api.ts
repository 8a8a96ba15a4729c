/**
 * An in-memory stand-in for apps/api that follows the API's contract (@grader/contract: the zod
 * schemas the API's routes parse their requests with and answer in), used to build and test the UI
 * in a real browser (and as a quick UI-only e2e: `E2E_API=mock`). JSON bodies are parsed with the
 * contract's request schemas, and every JSON answer is checked against the route's response schema
 * (`contractProblems` lists what did not fit; a unit test and the e2e fail on any).
 * It renders uploaded PDFs with pdfjs for real page images and text-line boxes; "grading" reads the
 * true scores of the shared samples from expected.json. It is a test fixture, not a grader: the
 * similarity flag, which needs the grader, is set on configured pairs of files (`similarPairs`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import {
  type ContractProblem,
  ListQuery,
  NamedVersionBody,
  ProgressEvent,
  parseBody,
  studentPartView,
  VersionName,
} from '@grader/contract';
import { unzipSync } from 'fflate';
import { LineCounter, parseDocument } from 'yaml';
import {
  err,
  listSubmissions,
  type MockState,
  mockExtra,
  readBody,
  requestCard,
  send,
  trackResponse,
} from './mock-extra.ts';
import { type RenderedPage, renderPdf } from './pdf-pages.ts';

type Role = 'admin' | 'ta' | 'student';
interface User {
  id: string;
  email: string;
  name: string;
  roll: string | null;
  password: string;
  role: Role;
}
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
type Region = { page: number; box: Box };
/** the automatic grade of a part */
interface Part {
  score: number;
  max: number;
  review: boolean;
  reasons: string[];
  items: { id: string; label: string; max: number; awarded: number; reason: string; evidence: Region[] }[];
  evidence: Region[];
  confidence: number;
}
interface Override {
  partId: string;
  score: number;
  comment: string;
  by: string;
  byId: string;
  at: string;
}
interface Sub {
  id: string;
  fileName: string;
  hash: string;
  status: string;
  statusReason: string | null;
  progress: number;
  studentId: string | null;
  header: { name: string | null; roll: string | null; region: Region | null; issues: string[] };
  pages: RenderedPage[];
  answers: Record<string, { partId: string; text: string; regions: Region[]; conf: number }>;
  base: Record<string, number>;
  parts: Record<string, Part> | null;
  overrides: Override[];
  flags: string[];
  flagReasons: Record<string, string>;
  gradedAt: string | null;
  createdAt: string;
  updatedAt: string;
  range?: { from: number; to: number };
  withdrawn?: { at: string; reason: string } | null;
}
/** a change of a script's grade (the API's audit log): what a student's "What changed" reads */
interface Change {
  submissionId: string;
  kind: 'override' | 'regrade';
  partId: string | null;
  before: number | null;
  after: number;
  totalBefore: number | null;
  totalAfter: number | null;
  reason: string;
  at: string;
}

const PARTS: [string, number, string[]][] = [
  ['1a', 3, ['1', 'a']],
  ['1b.i', 1, ['1', 'b', 'i']],
  ['1b.ii', 1, ['1', 'b', 'ii']],
  ['2a', 1, ['2', 'a']],
  ['2b', 1, ['2', 'b']],
  ['3a', 1, ['3', 'a']],
  ['3b', 1, ['3', 'b']],
  ['3c', 1, ['3', 'c']],
  ['4a', 5, ['4', 'a']],
  ['4b', 2, ['4', 'b']],
  ['5', 3, ['5']],
];
/** the exam's parameters and their defaults (exams/cs60010-ct3/exam.yaml, the ones the mock uses) */
const DEFINITIONS: Record<string, { kind: string; default: unknown; label: string }> = {
  '3.input': { kind: 'integer', default: 2, label: 'dimension of x_t' },
  '3.hidden': { kind: 'integer', default: 3, label: 'dimension of c_t (hidden size)' },
  '5.image': { kind: 'dims', default: '200x200x3', label: 'image height × width × channels' },
  '5.filter': { kind: 'integer', default: 4, label: 'spatial filter size K (K × K)' },
  '5.stride': { kind: 'integer', default: 1, label: 'stride (depthwise step)' },
  '5.padding': { kind: 'integer', default: 1, label: 'padding (depthwise step only)' },
  '5.out_channels': { kind: 'integer', default: 10, label: 'output channels (pointwise step)' },
};

export interface MockOptions {
  samplesDir: string;
  distDir: string;
  renderDelayMs?: number;
  /**
   * Pairs of file names the mock flags for similarity (it cannot compare scripts as the grader
   * does); by default the pair the e2e flow expects (the student's file and the second upload),
   * plus the pairs expected.json names.
   */
  similarPairs?: [string, string][];
}

export type MockServer = Server & {
  /** JSON answers that did not fit the API's contract (also logged): empty when the mock follows it */
  contractProblems: ContractProblem[];
};

/** An id shaped like the database's (a cuid: lower-case letters and digits, 20+ characters). */
const cuid = (kind: string, key: string | number) =>
  `${kind}${String(key)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .padStart(19, '0')}`;

export function createMockApi(opts: MockOptions): MockServer {
  const expected: any[] = JSON.parse(readFileSync(join(opts.samplesDir, 'expected.json'), 'utf8'));
  const roster = readFileSync(join(opts.samplesDir, 'roster.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const users: User[] = [
    {
      id: cuid('u', 'admin'),
      email: 'admin@example.edu',
      name: 'Ada Admin',
      roll: null,
      password: 'admin-pass',
      role: 'admin',
    },
    {
      id: cuid('u', 'ta'),
      email: 'ta@example.edu',
      name: 'Tara TA',
      roll: null,
      password: 'ta-pass',
      role: 'ta',
    },
  ];
  for (const [roll, name] of roster)
    users.push({
      id: cuid('u', roll),
      email: `${roll.toLowerCase()}@example.edu`,
      name,
      roll,
      password: 'student-pass',
      role: 'student',
    });
  for (const e of expected)
    if (e.student?.roll && !users.some((u) => u.roll === e.student.roll))
      users.push({
        id: cuid('u', e.student.roll),
        email: `${e.student.roll.toLowerCase()}@example.edu`,
        name: e.student.name,
        roll: e.student.roll,
        password: 'student-pass',
        role: 'student',
      });
  const similarPairs: [string, string][] = opts.similarPairs ?? [
    ['p01.pdf', 'p03.pdf'],
    ...expected.flatMap((e) =>
      (Array.isArray(e.similar_to) ? e.similar_to : e.similar_to ? [e.similar_to] : []).map(
        (o: string) => [e.file, o] as [string, string],
      ),
    ),
  ];
  const course = { id: cuid('c', 'cs60010'), code: 'CS60010', title: 'Deep Learning' };
  const exam = {
    id: cuid('e', 'cs60010ct3'),
    courseId: course.id,
    slug: 'cs60010-ct3',
    title: 'CS60010 Deep Learning — Class Test III',
    parameters: {} as Record<string, unknown>,
    reviewThreshold: 0.7,
    releasedAt: null as string | null,
  };
  /** the first release: a student's "What changed" lists changes after it */
  let firstRelease: string | null = null;
  const rubricVersions: { id: string; version: number; note: string | null; createdAt: string }[] = [
    { id: cuid('r', 1), version: 1, note: 'exam created', createdAt: new Date().toISOString() },
  ];
  const rv = () => rubricVersions[rubricVersions.length - 1];
  const newRubricVersion = (note: string) => {
    const version = rv().version + 1;
    rubricVersions.push({ id: cuid('r', version), version, note, createdAt: new Date().toISOString() });
    return rv();
  };
  // regrades run on the real API's worker (202, then progress); here the work is done at once and
  // the 202 shows it running, so the page follows it (GET .../regrades/:id) to the summary
  const regrades = new Map<string, any>();
  const queueRegrade = (kind: 'apply' | 'preview', rubricVersion: number | null, summary: any) => {
    const id = cuid('g', regrades.size + 1);
    const createdAt = new Date().toISOString();
    const run = { id, examId: exam.id, kind, rubricVersion, error: null, createdAt };
    regrades.set(id, {
      ...run,
      status: 'done',
      done: summary.scripts,
      total: summary.scripts,
      summary,
      finishedAt: createdAt,
    });
    return { ...run, status: 'running', done: 0, total: summary.scripts, summary: null, finishedAt: null };
  };
  let points: Record<string, number> = Object.fromEntries(PARTS.map(([id, max]) => [id, max]));
  let rubricYaml = rubricText(points);
  const subs = new Map<string, Sub>();
  const sessions = new Map<string, { userId: string; csrf: string }>();
  const sse = new Set<ServerResponse>();
  const requests: any[] = [];
  const changes: Change[] = [];
  const contractProblems: ContractProblem[] = [];
  // exam versions: name -> parameter overrides, and each student's version from the class list
  const versions: { name: string; parameters: Record<string, unknown> }[] = [];
  const versionOf = new Map<string, string>();
  const versionFor = (s: Sub) => {
    const name = s.studentId ? versionOf.get(s.studentId) : undefined;
    return name && versions.some((v) => v.name === name)
      ? { name, paperUrl: `/api/submissions/${s.id}/paper.pdf` }
      : null;
  };
  const paperPdf = (res: ServerResponse, name: string) => {
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${exam.slug}-version-${name}.pdf"`,
    });
    res.end(Buffer.from(`%PDF-1.4\n% mock question paper, Version ${name}\n%%EOF\n`));
  };
  const stored = new Map<string, Buffer>();
  let seq = 0;
  const newId = (kind: string) => cuid(kind, ++seq);

  // keys of part 5 from the overrides of its defaults (a flat record, as in the API)
  const keysOf = (p: Record<string, any>) => {
    const [hgt, , ch] = String(p['5.image'] ?? '200x200x3')
      .split('x')
      .map(Number);
    const k = Number(p['5.filter'] ?? 4);
    const pad = Number(p['5.padding'] ?? 1);
    const st = Number(p['5.stride'] ?? 1);
    const oc = Number(p['5.out_channels'] ?? 10);
    const out = (hgt + 2 * pad - k) / st + 1;
    return {
      '3c': 72,
      '5': {
        depthwise: [out, out, ch],
        pointwise: [out, out, oc],
        multiplications: out * out * ch * k * k + out * out * ch * oc,
      },
    };
  };
  /** every parameter's effective value, as text */
  const valuesOf = (p: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(DEFINITIONS).map(([k, d]) => {
        const v = p[k] ?? d.default;
        return [k, Array.isArray(v) ? v.join(',') : String(v)];
      }),
    );

  function emit(s: Sub): void {
    s.updatedAt = new Date().toISOString();
    const event = {
      submissionId: s.id,
      status: s.status,
      statusReason: s.statusReason,
      progress: s.progress,
      ...(s.parts ? { total: effective(s).total } : {}),
    };
    const checked = ProgressEvent.safeParse(event);
    if (!checked.success) {
      const problem = {
        route: 'GET /api/exams/:examId/events',
        status: 200,
        issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      };
      contractProblems.push(problem);
      console.warn(`mock API: a progress event outside the contract: ${problem.issues.join('; ')}`);
    }
    const data = JSON.stringify(event);
    for (const r of sse) r.write(`data: ${data}\n\n`);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;

  /** the grade with the newest override of each part applied (the API's effectiveGrade) */
  function effective(s: Sub) {
    const parts: Record<string, any> = {};
    let total = 0;
    let needsReview = 0;
    for (const [id, p] of Object.entries(s.parts ?? {})) {
      const o = [...s.overrides].reverse().find((x) => x.partId === id);
      const part = o
        ? {
            ...p,
            score: o.score,
            review: false,
            autoScore: p.score,
            override: { score: o.score, comment: o.comment, byId: o.byId, at: o.at },
          }
        : { ...p, autoScore: p.score, override: null };
      total += part.score;
      if (part.review) needsReview++;
      parts[id] = part;
    }
    return { parts, total: round(total), needsReview };
  }
  const statusOf = (s: Sub) => (effective(s).needsReview > 0 ? 'needs_review' : 'graded');

  function grade(s: Sub): void {
    const parts: Record<string, Part> = {};
    for (const [id, ,] of PARTS) {
      const max = points[id];
      const score = Math.min(max, s.base[id] ?? 0);
      const a = s.answers[id];
      const review = id === '4b' || !a;
      parts[id] = {
        score,
        max,
        review,
        confidence: review ? 0.5 : 0.95,
        reasons: a
          ? [
              score >= max
                ? 'matches the key'
                : score > 0
                  ? 'partly matches the key'
                  : 'does not match the key',
            ]
          : ['no answer found for this part'],
        items: [
          {
            id: 'key',
            label: 'Answer matches the key',
            max,
            awarded: score,
            reason: a ? `read "${a.text.slice(0, 40)}"` : 'nothing read',
            evidence: a?.regions ?? [],
          },
        ],
        evidence: a?.regions ?? [],
      };
    }
    s.parts = parts;
    s.gradedAt = new Date().toISOString();
    s.status = statusOf(s);
    s.progress = 1;
  }

  /** the batch flags: the sample's own (header, organisation) and similarity for the configured pairs */
  function refreshFlags(): void {
    const graded = [...subs.values()].filter((s) => s.parts && !s.withdrawn);
    for (const s of graded) {
      const exp = expected.find((e) => e.file === s.fileName);
      const flags: string[] = [];
      const reasons: Record<string, string> = {};
      for (const f of (exp?.flags ?? []) as string[]) {
        if (f === 'header') {
          flags.push(f);
          reasons.header = s.header.issues[0] ?? 'the header could not be read';
        } else if (f === 'organisation') {
          flags.push(f);
          reasons.organisation = 'answers are not in question order';
        }
      }
      const others = graded.filter((o) =>
        similarPairs.some(
          ([x, y]) => (x === s.fileName && y === o.fileName) || (y === s.fileName && x === o.fileName),
        ),
      );
      if (others.length) {
        flags.push('similarity');
        reasons.similarity = `shares unusual answers with ${others.map((o) => o.fileName).join(', ')}`;
      }
      s.flags = flags;
      s.flagReasons = reasons;
    }
  }

  async function ingest(s: Sub, bytes: Buffer, range?: { from: number; to: number }): Promise<void> {
    s.status = 'extracting';
    s.progress = 0.2;
    emit(s);
    await sleep(opts.renderDelayMs ?? 150);
    try {
      s.pages = await renderPdf(bytes);
      // one script of a stack: its pages only, numbered from 1
      if (range) s.pages = s.pages.slice(range.from - 1, range.to).map((pg, i) => ({ ...pg, page: i + 1 }));
    } catch (e) {
      s.status = 'failed';
      s.statusReason = `the PDF could not be read: ${(e as Error).message}`;
      s.progress = 1;
      emit(s);
      return;
    }
    s.progress = 0.6;
    emit(s);
    const lines = s.pages.flatMap((p) => p.lines.map((l) => ({ ...l, page: p.page })));
    const nameLine = lines.find((l) => /^name\s*:/i.test(l.text));
    const rollLine = lines.find((l) => /^roll/i.test(l.text));
    s.header = {
      name: nameLine?.text.replace(/^name\s*:\s*/i, '') ?? null,
      roll: rollLine?.text.match(/\d\d[A-Z]{2}\d{5}/)?.[0] ?? null,
      region: nameLine ? { page: nameLine.page, box: { x: 40, y: nameLine.box.y - 6, w: 400, h: 60 } } : null,
      issues: [],
    };
    const student = users.find((u) => u.role === 'student' && u.roll && u.roll === s.header.roll);
    s.studentId = student?.id ?? null;
    if (!student)
      s.header.issues.push(s.header.roll ? 'roll number not on the roster' : 'no roll number found');
    // a part's answer: from its label line to the next label line
    const starts: [string, number][] = [];
    for (const [id, , path] of PARTS) {
      const [q, sub, subsub] = path;
      const re = new RegExp(
        `^Q?\\s*${q}${sub ? `\\s*\\(?${sub}\\)` : '\\b'}${subsub ? `\\s*\\(?${subsub}\\)` : ''}`,
        'i',
      );
      const i = lines.findIndex((l) => re.test(l.text));
      if (i >= 0) starts.push([id, i]);
    }
    starts.sort((a, b) => a[1] - b[1]);
    s.answers = {};
    for (let k = 0; k < starts.length; k++) {
      const [id, i] = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1][1] : lines.length;
      const own = lines.slice(i, end).filter((l) => !/^Page \d+$/.test(l.text));
      const byPage = new Map<number, Box[]>();
      for (const l of own) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l.box]);
      const regions = [...byPage].map(([page, bs]) => ({ page, box: union(bs) }));
      const text = own
        .map((l) => l.text)
        .join('\n')
        .replace(/^Q?\s*\d\s*(\(?[a-z]\))?\s*(\(?[ivx]+\)\.?)?\s*(Ans:)?\s*/i, '');
      s.answers[id] = { partId: id, text, regions, conf: 0.95 };
    }
    s.status = 'grading';
    s.progress = 0.85;
    emit(s);
    await sleep(opts.renderDelayMs ?? 150);
    const exp = expected.find((e) => e.file === s.fileName);
    s.base = exp?.parts ?? {};
    grade(s);
    refreshFlags();
    emit(s);
  }

  function me(req: IncomingMessage): { user: User; csrf: string; sid: string } | null {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const sess = sid ? sessions.get(sid) : undefined;
    const user = sess && users.find((u) => u.id === sess.userId);
    return user && sess && sid ? { user, csrf: sess.csrf, sid } : null;
  }

  const examView = () => ({
    id: exam.id,
    courseId: exam.courseId,
    slug: exam.slug,
    title: exam.title,
    parameters: exam.parameters,
    parts: PARTS.map(([id, , path]) => ({ id, path })),
    reviewThreshold: exam.reviewThreshold,
    releasedAt: exam.releasedAt,
    rubricVersion: { id: rv().id, version: rv().version },
  });
  /** the confirmed student, else the header as read, else null (the API's studentOf) */
  const studentRef = (s: Sub) => {
    const u = s.studentId ? users.find((x) => x.id === s.studentId) : undefined;
    if (u) return { id: u.id, name: u.name, roll: u.roll };
    if (s.header.name || s.header.roll) return { id: null, name: s.header.name, roll: s.header.roll };
    return null;
  };
  const pageRefs = (s: Sub) =>
    s.pages.map((p) => ({
      page: p.page,
      width: p.width,
      height: p.height,
      imageUrl: `/api/submissions/${s.id}/pages/${p.page}.png`,
    }));
  const regradeView = (r: any) => {
    const u = users.find((x) => x.id === r.studentId);
    return {
      id: r.id,
      submissionId: r.submissionId,
      partId: r.partId,
      message: r.message,
      status: r.status,
      answer: r.answer,
      answeredAt: r.answeredAt,
      createdAt: r.createdAt,
      student: u ? { name: u.name, roll: u.roll } : undefined,
      fileName: subs.get(r.submissionId)?.fileName,
    };
  };
  /** the grade as the caller may see it (GET /api/submissions/:id) */
  function gradeView(s: Sub, forStudent: boolean) {
    if (!s.parts || (forStudent && !exam.releasedAt)) return null;
    const eff = effective(s);
    const parts = Object.fromEntries(
      Object.entries(eff.parts).map(([id, p]) => [id, forStudent ? studentPartView(p) : p]),
    );
    const links = (s.flagReasons.similarity ? [...subs.values()] : [])
      .filter((o) => o !== s && s.flagReasons.similarity.includes(o.fileName))
      .map((o) => ({ id: o.id, fileName: o.fileName }));
    return {
      rubricVersion: rv().version,
      total: forStudent && eff.needsReview > 0 ? null : eff.total,
      needsReview: eff.needsReview,
      parts,
      flags: forStudent ? [] : s.flags,
      flagReasons: forStudent ? {} : s.flagReasons,
      gradedAt: s.gradedAt ?? new Date().toISOString(),
      ...(forStudent ? {} : { flagLinks: links.length ? { similarity: links } : {} }),
    };
  }
  const detail = (s: Sub, forStudent: boolean) => ({
    submission: {
      id: s.id,
      examId: exam.id,
      fileName: s.fileName,
      status: s.status,
      statusReason: s.statusReason,
      progress: s.progress,
      student: studentRef(s),
      createdAt: s.createdAt,
      released: Boolean(exam.releasedAt),
      withdrawn: s.withdrawn ?? null,
      version: versionFor(s),
    },
    pages: pageRefs(s).map((p) => ({ ...p, source: 'text' })),
    header: forStudent || !s.parts ? null : s.header,
    warnings: [],
    answers: Object.values(s.answers).map((a) => ({
      partId: a.partId,
      text: a.text,
      regions: a.regions,
      confidence: a.conf,
    })),
    grade: gradeView(s, forStudent),
    history:
      forStudent && firstRelease && exam.releasedAt
        ? changes.filter((c) => c.submissionId === s.id && c.at >= firstRelease! && c.before !== c.after)
        : [],
    overrides:
      forStudent && !exam.releasedAt
        ? []
        : s.overrides.map((o) => ({
            partId: o.partId,
            score: o.score,
            comment: o.comment,
            by: o.by,
            at: o.at,
          })),
    regradeRequests: requests.filter((r) => r.submissionId === s.id).map(regradeView),
  });
  const row = (s: Sub) => {
    const eff = s.parts ? effective(s) : null;
    return {
      id: s.id,
      fileName: s.fileName,
      status: s.status,
      statusReason: s.statusReason,
      progress: s.progress,
      student: studentRef(s),
      total: eff ? eff.total : null,
      needsReview: eff ? eff.needsReview : 0,
      flags: s.flags,
      withdrawn: s.withdrawn ?? null,
      pages: s.range ?? null,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  };
  /** a person sets a part's score: recorded (for the student's "What changed") and the status follows */
  function override(s: Sub, partId: string, score: number, comment: string, by: User): number {
    const before = effective(s);
    s.overrides.push({ partId, score, comment, by: by.name, byId: by.id, at: new Date().toISOString() });
    const after = effective(s);
    changes.push({
      submissionId: s.id,
      kind: 'override',
      partId,
      before: before.parts[partId].score,
      after: score,
      totalBefore: before.total,
      totalAfter: after.total,
      reason: comment,
      at: new Date().toISOString(),
    });
    s.status = statusOf(s);
    emit(s);
    return after.total;
  }
  /** every graded script again under the current points; a summary as the API's RegradeSummary */
  function regradeAll(record: boolean) {
    const summary = { scripts: 0, changed: 0, meanDelta: 0, maxDelta: 0, changes: [] as any[] };
    let sum = 0;
    for (const s of subs.values()) {
      if (!s.parts || s.withdrawn) continue;
      const before = effective(s).total;
      grade(s);
      const after = effective(s).total;
      summary.scripts++;
      const delta = after - before;
      sum += delta;
      if (Math.abs(delta) > 1e-9) {
        summary.changed++;
        if (Math.abs(delta) > Math.abs(summary.maxDelta)) summary.maxDelta = delta;
        summary.changes.push({ submissionId: s.id, fileName: s.fileName, before, after });
        if (record)
          changes.push({
            submissionId: s.id,
            kind: 'regrade',
            partId: null,
            before,
            after,
            totalBefore: before,
            totalAfter: after,
            reason: 'the marking scheme was updated and every script regraded',
            at: new Date().toISOString(),
          });
      }
    }
    summary.meanDelta = summary.scripts ? round(sum / summary.scripts) : 0;
    refreshFlags();
    return summary;
  }
  function addSub(fileName: string, hash: string, bytes: Buffer, range?: { from: number; to: number }): Sub {
    const now = new Date().toISOString();
    const s: Sub = {
      ...{ id: newId('s'), fileName, hash, status: 'queued', statusReason: null, progress: 0.05 },
      ...{ studentId: null, header: { name: null, roll: null, region: null, issues: [] }, pages: [] },
      ...{ answers: {}, base: {}, parts: null, overrides: [], flags: [], flagReasons: {}, gradedAt: null },
      ...{ createdAt: now, updatedAt: now, range, withdrawn: null },
    };
    subs.set(s.id, s);
    stored.set(s.id, bytes);
    queue = queue.then(() => ingest(s, bytes, range)).catch(() => {});
    return s;
  }
  const state: MockState = {
    subs,
    requests,
    stored,
    partIds: PARTS.map(([id]) => id),
    examId: exam.id,
    released: () => Boolean(exam.releasedAt),
    row,
    pageRefs,
    partOf: (s: Sub, partId: string) => (s.parts ? effective(s).parts[partId] : undefined),
    studentRef,
    newId,
    add: addSub,
  };
  const extra = mockExtra(state);
  const member = (u: User) => ({ userId: u.id, email: u.email, name: u.name, roll: u.roll, role: u.role });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (!path.startsWith('/api/')) return serveStatic(res, path);
    trackResponse(res, method, path, contractProblems);
    const m = (pattern: string) => {
      if (!pattern.startsWith(`${method} `)) return null;
      const ps = pattern.slice(method.length + 1).split('/');
      const ss = path.split('/');
      if (ps.length !== ss.length) return null;
      const out: Record<string, string> = {};
      for (let i = 0; i < ps.length; i++) {
        if (ps[i].startsWith(':')) {
          const [name, suffix] = ps[i].slice(1).split('.');
          if (suffix && !ss[i].endsWith(`.${suffix}`)) return null;
          out[name] = decodeURIComponent(suffix ? ss[i].slice(0, -suffix.length - 1) : ss[i]);
        } else if (ps[i] !== ss[i]) return null;
      }
      return out;
    };
    // a JSON body is read once and checked against the route's request schema, as the API parses it
    let b: any = {};
    if (method !== 'GET' && !/multipart\/form-data/.test(req.headers['content-type'] ?? '')) {
      const raw = await readBody(req);
      try {
        b = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        return void err(res, 400, 'invalid', 'the body is not valid JSON');
      }
    }
    const checkBody = () => {
      const parsed = parseBody(method, path, b);
      if (!parsed.ok) {
        err(res, 400, 'invalid', 'invalid request', parsed.fields);
        return false;
      }
      b = parsed.data;
      return true;
    };
    if (method === 'POST' && path === '/api/auth/login') {
      if (!checkBody()) return;
      const u = users.find((x) => x.email === b.email && x.password === b.password);
      if (!u) return void err(res, 401, 'unauthorized', 'wrong email or password');
      const sid = randomBytes(16).toString('hex');
      const csrf = randomBytes(16).toString('hex');
      sessions.set(sid, { userId: u.id, csrf });
      res.setHeader('set-cookie', `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`);
      return void send(res, 200, {
        user: pick(u),
        roles: [{ courseId: course.id, role: u.role }],
        csrfToken: csrf,
      });
    }
    if (path === '/api/health') return void send(res, 200, { db: 'up', redis: 'up' });
    const who = me(req);
    if (!who) return void err(res, 401, 'unauthorized', 'sign in first');
    const { user } = who;
    if (method !== 'GET' && req.headers['x-csrf-token'] !== who.csrf)
      return void err(res, 403, 'forbidden', 'missing or wrong CSRF token');
    if (!checkBody()) return;
    const staff = user.role === 'admin' || user.role === 'ta';
    /** true when refused (the response is sent) */
    const notAdmin = () => {
      if (user.role === 'admin') return false;
      err(res, 403, 'forbidden', 'your role may not do this');
      return true;
    };
    let p: Record<string, string> | null;

    if (method === 'POST' && path === '/api/auth/logout') {
      sessions.delete(who.sid);
      return void send(res, 200, { ok: true });
    }
    if (method === 'POST' && path === '/api/auth/password') {
      if (b.currentPassword !== user.password)
        return void err(res, 400, 'invalid', 'the current password is wrong', {
          currentPassword: 'wrong password',
        });
      if (b.newPassword === b.currentPassword)
        return void err(res, 400, 'invalid', 'the new password is the current one', {
          newPassword: 'must differ from the current password',
        });
      user.password = b.newPassword;
      let revoked = 0;
      for (const [k, v] of sessions)
        if (v.userId === user.id && k !== who.sid) {
          sessions.delete(k);
          revoked++;
        }
      return void send(res, 200, { ok: true, sessionsRevoked: revoked });
    }
    if (m('GET /api/auth/me'))
      return void send(res, 200, {
        user: pick(user),
        roles: [{ courseId: course.id, role: user.role }],
        csrfToken: who.csrf,
      });
    if (m('GET /api/courses')) return void send(res, 200, [{ ...course, role: user.role }]);
    p = m('GET /api/courses/:c/exams');
    if (p)
      return void (p.c === course.id
        ? send(res, 200, [examView()])
        : err(res, 404, 'not_found', 'course not found'));
    p = m('GET /api/exams/:e');
    if (p)
      return void (p.e === exam.id
        ? send(res, 200, examView())
        : err(res, 404, 'not_found', 'exam not found'));
    if (m('GET /api/submissions/mine'))
      return void send(
        res,
        200,
        [...subs.values()]
          .filter((s) => s.studentId === user.id && !s.withdrawn)
          .map((s) => ({
            id: s.id,
            examId: exam.id,
            examTitle: exam.title,
            fileName: s.fileName,
            status: s.status,
            released: Boolean(exam.releasedAt),
            total: gradeView(s, true)?.total ?? null,
            createdAt: s.createdAt,
          })),
      );
    p = m('GET /api/submissions/:id/pages/:n.png');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && s.studentId !== user.id))
        return void err(res, 404, 'not_found', 'submission not found');
      const pg = s.pages.find((x) => x.page === Number(p!.n));
      if (!pg) return void err(res, 404, 'not_found', 'page not found');
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' });
      return void res.end(pg.png);
    }
    p = m('GET /api/submissions/:id');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && (s.studentId !== user.id || s.withdrawn)))
        return void err(res, 404, 'not_found', 'submission not found');
      return void send(res, 200, detail(s, !staff));
    }
    p = m('POST /api/submissions/:id/parts/:part/regrade-requests');
    if (p) {
      const s = subs.get(p.id);
      if (!s || s.studentId !== user.id) return void err(res, 404, 'not_found', 'submission not found');
      if (!exam.releasedAt) return void err(res, 409, 'conflict', 'grades are not released yet');
      if (!s.parts?.[p.part]) return void err(res, 404, 'not_found', 'part not found');
      if (requests.some((r) => r.submissionId === s.id && r.partId === p!.part && r.status === 'open'))
        return void err(res, 409, 'conflict', 'a request for this part is already open');
      const r = {
        id: newId('q'),
        submissionId: s.id,
        partId: p.part,
        studentId: user.id,
        message: b.message,
        answer: null,
        answeredAt: null,
        status: 'open',
        createdAt: new Date().toISOString(),
      };
      requests.push(r);
      return void send(res, 201, { ...regradeView(r), student: undefined, fileName: undefined });
    }
    p = m('GET /api/submissions/:id/paper.pdf');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && s.studentId !== user.id))
        return void err(res, 404, 'not_found', 'submission not found');
      const v = versionFor(s);
      return v ? paperPdf(res, v.name) : void err(res, 404, 'not_found', 'this script has no exam version');
    }
    // everything below is staff only
    if (!staff) return void err(res, 404, 'not_found', 'not found');
    p = m('GET /api/exams/:e/versions');
    if (p)
      return void send(res, 200, {
        versions: versions.map((v) => ({
          ...v,
          values: valuesOf({ ...exam.parameters, ...v.parameters }),
          keys: keysOf({ ...exam.parameters, ...v.parameters }),
          students: [...versionOf.values()].filter((n) => n === v.name).length,
          paperUrl: `/api/exams/${exam.id}/versions/${v.name}/paper.pdf`,
        })),
      });
    p = m('POST /api/exams/:e/versions');
    if (p) {
      if (notAdmin()) return;
      const same = (a: object, c: object) => JSON.stringify(a) === JSON.stringify(c);
      let added: { name: string; parameters: Record<string, unknown> }[];
      if (b.draw) {
        added = Array.from({ length: Number(b.draw.count) || 1 }, (_, i) => ({
          name: String.fromCharCode(65 + versions.length + i),
          parameters: i === 0 && b.draw.keepDefault && !versions.length ? {} : { '5.padding': i },
        }));
      } else {
        const named = NamedVersionBody.safeParse(b);
        if (!named.success)
          return void err(res, 400, 'invalid', 'invalid version', {
            [named.error.issues[0].path.join('.') || '(root)']: named.error.issues[0].message,
          });
        added = [named.data];
      }
      for (const v of added) {
        if (!VersionName.safeParse(v.name).success)
          return void err(res, 400, 'invalid', 'invalid exam versions', { name: 'letters, digits, - or _' });
        if (versions.some((x) => x.name.toUpperCase() === v.name.toUpperCase()))
          return void err(res, 409, 'conflict', `version ${v.name} already exists`, {
            name: 'already exists',
          });
        const twin = versions.find((x) => same(x.parameters, v.parameters));
        if (twin)
          return void err(res, 400, 'invalid', 'invalid exam versions', {
            name: `versions ${twin.name} and ${v.name} have the same parameters`,
          });
        versions.push(v);
      }
      const made = newRubricVersion(`exam versions changed (create ${added.map((v) => v.name).join(', ')})`);
      return void send(res, 202, {
        created: added.map((v) => v.name),
        versions,
        rubricVersion: made.version,
        regrade: queueRegrade('apply', made.version, regradeAll(true)),
      });
    }
    p = m('GET /api/exams/:e/versions/:v/paper.pdf');
    if (p) {
      const name = p.v;
      return versions.some((v) => v.name === name)
        ? paperPdf(res, name)
        : void err(res, 404, 'not_found', `version ${name} not found`);
    }
    p = m('GET /api/exams/:e/roster');
    if (p)
      return void send(res, 200, {
        versions: versions.map((v) => v.name),
        students: users
          .filter((u) => u.role === 'student')
          .map((u) => ({ ...pick(u), userId: u.id, version: versionOf.get(u.id) ?? null }))
          .sort((a, c) => (a.roll ?? a.name).localeCompare(c.roll ?? c.name)),
      });
    if (await extra(m, req, res, b)) return;
    p = m('GET /api/exams/:e/submissions');
    if (p) {
      const q = ListQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!q.success)
        return void err(res, 400, 'invalid', 'invalid query', { query: q.error.issues[0].message });
      return void send(res, 200, listSubmissions(state, q.data));
    }
    p = m('POST /api/exams/:e/submissions');
    if (p) {
      const form = await new Request('http://x', {
        method: 'POST',
        headers: req.headers as any,
        body: new Uint8Array(await readBody(req)),
      }).formData();
      const created: any[] = [];
      const duplicates: any[] = [];
      const rejected: any[] = [];
      const incoming: { name: string; bytes: Buffer }[] = [];
      for (const f of form.getAll('files[]')) {
        if (typeof f === 'string') continue;
        const bytes = Buffer.from(await f.arrayBuffer());
        if (f.name.toLowerCase().endsWith('.zip')) {
          for (const [name, z] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
            incoming.push({ name, bytes: Buffer.from(z) });
          }
        } else incoming.push({ name: f.name, bytes });
      }
      if (!incoming.length)
        return void err(res, 400, 'invalid', 'no files: send PDFs or zips as files[]', {
          'files[]': 'required',
        });
      for (const f of incoming) {
        const bytes = f.bytes;
        if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
          rejected.push({ file: f.name, reason: 'not a PDF (no %PDF- signature)' });
          continue;
        }
        const hash = createHash('sha256').update(bytes).digest('hex');
        const dup = [...subs.values()].find((s) => s.hash === hash);
        if (dup) {
          duplicates.push({ id: dup.id, fileName: dup.fileName, status: dup.status });
          continue;
        }
        const s = addSub(f.name, hash, bytes);
        created.push({ id: s.id, fileName: s.fileName, status: s.status });
      }
      return void send(res, created.length ? 201 : 200, { created, duplicates, rejected });
    }
    p = m('GET /api/exams/:e/events');
    if (p) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      sse.add(res);
      res.on('close', () => sse.delete(res));
      return;
    }
    p = m('POST /api/submissions/:id/retry');
    if (p) {
      const s = subs.get(p.id);
      if (!s) return void err(res, 404, 'not_found', 'submission not found');
      if (s.status !== 'failed')
        return void err(
          res,
          409,
          'conflict',
          `only failed submissions can be retried (this one is ${s.status})`,
        );
      s.status = 'queued';
      s.statusReason = null;
      s.progress = 0.05;
      emit(s);
      const bytes = stored.get(s.id)!;
      queue = queue.then(() => ingest(s, bytes, s.range)).catch(() => {});
      return void send(res, 200, { id: s.id, status: 'queued' });
    }
    p = m('POST /api/submissions/:id/student');
    if (p) {
      const s = subs.get(p.id);
      if (!s) return void err(res, 404, 'not_found', 'submission not found');
      const u = b.studentId ? users.find((x) => x.id === b.studentId && x.role === 'student') : null;
      if (b.studentId && !u)
        return void err(res, 400, 'invalid', 'not a student of this course', { studentId: 'unknown' });
      s.studentId = u?.id ?? null;
      refreshFlags();
      return void send(res, 200, { id: s.id, student: u ? { id: u.id, name: u.name, roll: u.roll } : null });
    }
    p = m('POST /api/submissions/:id/parts/:part/override');
    if (p) {
      const s = subs.get(p.id);
      if (!s) return void err(res, 404, 'not_found', 'submission not found');
      if (!s.parts) return void err(res, 409, 'conflict', 'this submission has no grade yet');
      if (!s.parts[p.part]) return void err(res, 404, 'not_found', `part ${p.part} not found`);
      const max = s.parts[p.part].max;
      if (b.score > max)
        return void err(res, 400, 'invalid', `score must be between 0 and ${max}`, { score: `0..${max}` });
      const total = override(s, p.part, b.score, b.comment, user);
      return void send(res, 201, { partId: p.part, score: b.score, comment: b.comment, total });
    }
    p = m('GET /api/exams/:e/review');
    if (p) {
      const groups = new Map<string, any>();
      for (const s of subs.values()) {
        if (!s.parts || s.withdrawn) continue;
        for (const [id, part] of Object.entries(effective(s).parts)) {
          if (!part.review) continue;
          const text = s.answers[id]?.text ?? '';
          const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
          const g = groups.get(`${id}\u0000${key}`) ?? {
            partId: id,
            answerKey: key,
            text,
            values: null,
            count: 0,
            items: [],
          };
          g.count += 1;
          const r = s.answers[id]?.regions?.[0] ?? part.evidence[0] ?? null;
          g.items.push({
            submissionId: s.id,
            fileName: s.fileName,
            text,
            suggestedScore: part.score,
            max: part.max,
            reasons: part.reasons,
            crop: r,
          });
          groups.set(`${id}\u0000${key}`, g);
        }
      }
      const order = new Map(PARTS.map(([id], i) => [id, i]));
      return void send(
        res,
        200,
        [...groups.values()].sort(
          (a, c) => (order.get(a.partId) ?? 0) - (order.get(c.partId) ?? 0) || c.count - a.count,
        ),
      );
    }
    p = m('POST /api/exams/:e/review/grade');
    if (p) {
      const graded: { submissionId: string; total: number }[] = [];
      const these = (b.submissionIds as string[]).map((id) => subs.get(id));
      if (these.some((s) => !s || s.withdrawn))
        return void err(res, 404, 'not_found', 'submission not found');
      for (const s of these as Sub[]) {
        if (!s.parts?.[b.partId]) return void err(res, 404, 'not_found', `part ${b.partId} not found`);
        const total = override(
          s,
          b.partId,
          b.score,
          b.comment ?? 'graded as a group in the review queue',
          user,
        );
        graded.push({ submissionId: s.id, total });
      }
      return void send(res, 200, { graded });
    }
    const active = () => [...subs.values()].filter((s) => !s.withdrawn);
    p = m('POST /api/exams/:e/release');
    if (p) {
      exam.releasedAt = new Date().toISOString();
      firstRelease ??= exam.releasedAt;
      return void send(res, 200, {
        releasedAt: exam.releasedAt,
        released: active().filter((s) => s.studentId).length,
        withheld: { identityUnconfirmed: active().filter((s) => !s.studentId).length },
      });
    }
    p = m('GET /api/exams/:e/release');
    if (p) {
      const graded = active().filter((s) => s.parts);
      const inReview = graded.filter((s) => effective(s).needsReview > 0);
      return void send(res, 200, {
        releasedAt: exam.releasedAt,
        released: graded.filter((s) => s.studentId).length,
        pending: {
          partsInReview: inReview.reduce((a, s) => a + effective(s).needsReview, 0),
          scriptsInReview: inReview.length,
          identityUnconfirmed: active().filter((s) => !s.studentId).length,
          notGraded: active().filter((s) => !s.parts).length,
        },
      });
    }
    p = m('DELETE /api/exams/:e/release');
    if (p) {
      if (!exam.releasedAt) return void err(res, 409, 'conflict', 'grades are not released');
      exam.releasedAt = null;
      return void send(res, 200, { releasedAt: null });
    }
    p = m('GET /api/exams/:e/regrade-requests');
    if (p)
      return void send(
        res,
        200,
        requests
          .filter((r) => url.searchParams.get('all') === '1' || r.status === 'open')
          .map((r) => requestCard(state, regradeView(r))),
      );
    p = m('POST /api/regrade-requests/:id/answer');
    if (p) {
      const r = requests.find((x) => x.id === p!.id);
      if (!r) return void err(res, 404, 'not_found', 'regrade request not found');
      if (r.status !== 'open') return void err(res, 409, 'conflict', 'this request was already answered');
      const s = subs.get(r.submissionId)!;
      if (b.score !== undefined) override(s, r.partId, b.score, `regrade request: ${b.answer}`, user);
      r.answer = b.answer;
      r.status = 'answered';
      r.answeredAt = new Date().toISOString();
      return void send(res, 200, regradeView(r));
    }
    p = m('GET /api/exams/:e/export.csv');
    if (p) {
      const lines = [['roll', 'name', ...PARTS.map(([id]) => id), 'total'].join(',')];
      for (const s of active()) {
        const u = users.find((x) => x.id === s.studentId);
        const eff = s.parts ? effective(s) : null;
        lines.push(
          [
            u?.roll ?? '',
            u?.name ?? '',
            ...PARTS.map(([id]) => eff?.parts[id]?.score ?? ''),
            eff ? eff.total : '',
          ].join(','),
        );
      }
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-disposition': `attachment; filename="${exam.slug}-grades.csv"`,
      });
      return void res.end(`${lines.join('\n')}\n`);
    }
    p = m('GET /api/exams/:e/stats');
    if (p) {
      const graded = active().filter((s) => s.parts);
      const perScore = (xs: number[]) =>
        [...new Set(xs)]
          .sort((a, c) => a - c)
          .map((score) => ({ score, count: xs.filter((x) => x === score).length }));
      const parts = PARTS.map(([id]) => {
        const ps = graded.map((s) => effective(s).parts[id]);
        const scores = ps.map((x) => x.score);
        return {
          partId: id,
          max: points[id],
          mean: avg(scores),
          median: med(scores),
          histogram: perScore(scores),
          auto: ps.filter((x) => !x.review && !x.override).length,
          reviewed: ps.filter((x) => x.override).length,
          pending: ps.filter((x) => x.review).length,
        };
      });
      const totals = graded.map((s) => effective(s).total);
      const byStatus: Record<string, number> = {};
      for (const s of active()) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
      return void send(res, 200, {
        submissions: active().length,
        graded: graded.length,
        byStatus,
        total: { mean: avg(totals), median: med(totals), histogram: perScore(totals) },
        parts,
        versions: [],
      });
    }
    p = m('GET /api/exams/:e/rubric');
    if (p)
      return void send(res, 200, {
        id: rv().id,
        version: rv().version,
        yaml: rubricYaml,
        parsed: {
          parts: PARTS.map(([id]) => ({
            id,
            points: points[id],
            items: [
              {
                id: 'key',
                label: 'Answer matches the key',
                points: points[id],
                tolerance: id.startsWith('1b') ? 0.005 : undefined,
              },
            ],
          })),
        },
        parameters: exam.parameters,
        keys: keysOf(exam.parameters),
        versions: rubricVersions,
      });
    p = m('POST /api/exams/:e/rubric/preview') ?? m('PUT /api/exams/:e/rubric');
    if (p) {
      if (notAdmin()) return;
      const lc = new LineCounter();
      const doc = parseDocument(String(b.yaml), { lineCounter: lc });
      if (doc.errors.length)
        return void err(res, 400, 'invalid', 'invalid rubric', {
          '(root)': `line ${doc.errors[0].linePos?.[0].line ?? 1}: ${doc.errors[0].message.split('\n')[0]}`,
        });
      const parsed: any = doc.toJS();
      const lineOf = (path: (string | number)[]) => {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? lc.linePos(node.range[0]).line : 1;
      };
      const fields: Record<string, string> = {};
      const next: Record<string, number> = { ...points };
      (Array.isArray(parsed?.parts) ? parsed.parts : []).forEach((pt: any, i: number) => {
        if (!points[pt?.id])
          fields[`parts[${i}].id`] = `line ${lineOf(['parts', i, 'id'])}: unknown part "${pt?.id}"`;
        else if (typeof pt.points !== 'number' || pt.points < 0)
          fields[`parts[${i}].points`] =
            `line ${lineOf(['parts', i, 'points'])}: must be a number of 0 or more`;
        else next[pt.id] = pt.points;
      });
      if (!Array.isArray(parsed?.parts)) fields.parts = 'line 1: a list of parts is required';
      if (Object.keys(fields).length) return void err(res, 400, 'invalid', 'invalid rubric', fields);
      const old = points;
      points = next;
      if (method === 'POST') {
        const before = new Map([...subs.values()].map((s) => [s.id, s.parts]));
        const summary = regradeAll(false);
        points = old;
        for (const s of subs.values()) {
          s.parts = before.get(s.id) ?? null;
          if (s.parts) s.status = statusOf(s);
        }
        refreshFlags();
        return void send(res, 202, { regrade: queueRegrade('preview', null, summary) });
      }
      const made = newRubricVersion('rubric edited');
      rubricYaml = String(b.yaml);
      const summary = regradeAll(true);
      for (const s of subs.values()) emit(s);
      return void send(res, 202, {
        version: made.version,
        rubricVersionId: made.id,
        regrade: queueRegrade('apply', made.version, summary),
      });
    }
    p = m('GET /api/exams/:e/regrades/latest');
    if (p) {
      const applied = [...regrades.values()].filter((r) => r.kind === 'apply');
      return void send(res, 200, { regrade: applied[applied.length - 1] ?? null });
    }
    p = m('GET /api/exams/:e/regrades/:g');
    if (p) {
      const run = regrades.get(p.g);
      return run ? void send(res, 200, run) : void err(res, 404, 'not_found', 'regrade not found');
    }
    p = m('GET /api/exams/:e/keys');
    if (p)
      return void send(res, 200, {
        parameters: exam.parameters,
        values: valuesOf(exam.parameters),
        definitions: DEFINITIONS,
        keys: keysOf(exam.parameters),
      });
    p = m('PUT /api/exams/:e/parameters');
    if (p) {
      if (notAdmin()) return;
      const f = b.parameters['5.filter'];
      if (f !== undefined && !(Number.isInteger(Number(f)) && Number(f) > 0))
        return void err(res, 400, 'invalid', 'invalid parameters', {
          '5.filter': 'must be a positive integer',
        });
      const oldKeys = keysOf(exam.parameters);
      exam.parameters = b.parameters;
      const made = newRubricVersion('parameters changed');
      return void send(res, 202, {
        version: made.version,
        rubricVersionId: made.id,
        oldKeys,
        newKeys: keysOf(exam.parameters),
        regrade: queueRegrade('apply', made.version, regradeAll(true)),
      });
    }
    p = m('GET /api/courses/:c/members');
    if (p) return void send(res, 200, users.map(member));
    p = m('PATCH /api/courses/:c/members/:userId');
    if (p) {
      if (notAdmin()) return;
      const u = users.find((x) => x.id === p!.userId);
      if (!u) return void err(res, 404, 'not_found', 'member not found');
      if (b.name !== undefined) u.name = b.name;
      if (b.roll !== undefined) u.roll = b.roll || null;
      return void send(res, 200, member(u));
    }
    p = m('POST /api/courses/:c/roster');
    if (p) return void importClassList(res, b);
    p = m('POST /api/courses/:c/members');
    if (p) {
      if (notAdmin()) return;
      let u = users.find((x) => x.email === b.email);
      let initialPassword: string | undefined;
      if (!u) {
        initialPassword = randomBytes(9).toString('base64url');
        u = {
          id: newId('u'),
          email: b.email,
          name: b.name,
          roll: b.roll ?? null,
          password: initialPassword,
          role: b.role,
        };
        users.push(u);
      } else u.role = b.role;
      return void send(res, 201, { ...member(u), ...(initialPassword ? { initialPassword } : {}) });
    }
    return void err(res, 404, 'not_found', 'not found');
  }

  /** the class list import (CSV `roll,name[,email][,version]`): all lines or none, errors per line */
  function importClassList(res: ServerResponse, b: { csv: string; examId?: string }): void {
    const lines = b.csv.trim().split(/\r?\n/);
    const head = lines[0].split(',').map((c) => c.trim().toLowerCase());
    const [ri, ni, ei, vi] = ['roll', 'name', 'email', 'version'].map((c) => head.indexOf(c));
    const issues: { line: number; field: string; message: string }[] = [];
    for (const [c, i] of [
      ['roll', ri],
      ['name', ni],
    ] as const)
      if (i < 0) issues.push({ line: 1, field: 'header', message: `the header line names no "${c}" column` });
    const rows = lines.slice(1).map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
    rows.forEach((c, k) => {
      const line = k + 2;
      if (!c[ri]) issues.push({ line, field: 'roll', message: 'a roll number is needed' });
      if (!c[ni]) issues.push({ line, field: 'name', message: 'a name is needed' });
      if (ei >= 0 && c[ei] && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c[ei]))
        issues.push({ line, field: 'email', message: 'not an email address' });
      if (vi >= 0 && c[vi] && !versions.some((v) => v.name.toUpperCase() === c[vi].toUpperCase()))
        issues.push({ line, field: 'version', message: `"${c[vi]}" is not a version of this exam` });
    });
    if (vi >= 0 && b.examId !== exam.id)
      issues.push({ line: 1, field: 'examId', message: "import from the exam's roster page" });
    if (issues.length) {
      const fields: Record<string, string> = {};
      for (const i of issues) fields[`line ${i.line}: ${i.field}`] ??= i.message;
      return void send(res, 400, {
        error: {
          code: 'invalid',
          message: `${new Set(issues.map((i) => i.line)).size} line(s) of the class list are wrong: nothing was imported`,
          fields,
          lines: issues,
        },
      });
    }
    let created = 0;
    let updated = 0;
    for (const c of rows) {
      const roll = c[ri].toUpperCase();
      const u = users.find((x) => x.role === 'student' && x.roll === roll);
      if (u) {
        if (u.name !== c[ni]) updated++;
        u.name = c[ni];
      } else {
        created++;
        users.push({
          id: newId('u'),
          email: (ei >= 0 && c[ei]) || `${roll.toLowerCase()}@roster.invalid`,
          name: c[ni],
          roll,
          password: randomBytes(8).toString('hex'),
          role: 'student',
        });
      }
    }
    let changed = 0;
    if (vi >= 0)
      for (const c of rows) {
        const u = users.find((x) => x.role === 'student' && x.roll === c[ri].toUpperCase())!;
        const v = versions.find((x) => x.name.toUpperCase() === (c[vi] ?? '').toUpperCase())?.name;
        if (v === versionOf.get(u.id)) continue;
        changed++;
        if (v) versionOf.set(u.id, v);
        else versionOf.delete(u.id);
      }
    let regrade: { rubricVersion: number; scripts: number; changed: number; regradeId: string } | null = null;
    if (changed) {
      const made = newRubricVersion('class list versions changed');
      const summary = regradeAll(true);
      const run = queueRegrade('apply', made.version, summary);
      // as the API: queued, so nothing is known to have changed yet
      regrade = { rubricVersion: made.version, scripts: summary.scripts, changed: 0, regradeId: run.id };
    }
    send(res, 200, {
      students: rows.length,
      created,
      updated,
      enrolled: created,
      unchanged: rows.length - created - updated,
      ...(vi >= 0
        ? { versions: { examId: exam.id, assigned: rows.filter((c) => c[vi]).length, changed, regrade } }
        : {}),
    });
  }

  let queue: Promise<void> = Promise.resolve();

  function serveStatic(res: ServerResponse, path: string): void {
    const file = join(opts.distDir, path === '/' ? 'index.html' : path.replace(/\.\./g, ''));
    const f = existsSync(file) ? file : join(opts.distDir, 'index.html');
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.map': 'application/json',
      '.svg': 'image/svg+xml',
    };
    res.writeHead(200, { 'content-type': types[extname(f)] ?? 'application/octet-stream' });
    res.end(readFileSync(f));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) err(res, 500, 'internal', (e as Error).message);
    });
  }) as MockServer;
  server.contractProblems = contractProblems;
  return server;
}

function rubricText(points: Record<string, number>): string {
  return `# CS60010 CT3 rubric (mock)\nparts:\n${Object.entries(points)
    .map(([id, p]) => `  - id: "${id}"\n    points: ${p}\n`)
    .join('')}`;
}
function pick(u: User) {
  return { id: u.id, email: u.email, name: u.name, roll: u.roll };
}
function union(bs: Box[]): Box {
  const x1 = Math.min(...bs.map((b) => b.x));
  const y1 = Math.min(...bs.map((b) => b.y));
  const x2 = Math.max(...bs.map((b) => b.x + b.w));
  const y2 = Math.max(...bs.map((b) => b.y + b.h));
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
const avg = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null;
const med = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
