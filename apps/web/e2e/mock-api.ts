/**
 * An in-memory stand-in for apps/api that follows docs/api.md, used to build and test the UI in a
 * real browser while the server is being written (and as a quick UI-only e2e: `E2E_API=mock`).
 * It renders uploaded PDFs with pdfjs for real page images and text-line boxes; "grading" reads the
 * true scores of the shared samples from expected.json. It is a test fixture, not a grader.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { listSubmissions, type MockState, mockExtra, requestCard } from './mock-extra.ts';
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
interface Part {
  score: number;
  max: number;
  review: boolean;
  reasons: string[];
  items: any[];
  evidence: { page: number; box: Box }[];
  confidence: number;
}
interface Sub {
  id: string;
  fileName: string;
  hash: string;
  status: string;
  statusReason: string | null;
  progress: number;
  studentId: string | null;
  header: {
    name: string | null;
    roll: string | null;
    region: { page: number; box: Box } | null;
    issues: string[];
  };
  pages: RenderedPage[];
  answers: Record<
    string,
    { partId: string; text: string; regions: { page: number; box: Box }[]; conf: number }
  >;
  base: Record<string, number>;
  parts: Record<string, Part> | null;
  overrides: any[];
  createdAt: string;
  withdrawn?: { at: string; reason: string } | null;
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

export interface MockOptions {
  samplesDir: string;
  distDir: string;
  renderDelayMs?: number;
}

export function createMockApi(opts: MockOptions): Server {
  const expected: any[] = JSON.parse(readFileSync(join(opts.samplesDir, 'expected.json'), 'utf8'));
  const roster = readFileSync(join(opts.samplesDir, 'roster.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const users: User[] = [
    {
      id: 'u-admin',
      email: 'admin@example.edu',
      name: 'Ada Admin',
      roll: null,
      password: 'admin-pass',
      role: 'admin',
    },
    { id: 'u-ta', email: 'ta@example.edu', name: 'Tara TA', roll: null, password: 'ta-pass', role: 'ta' },
  ];
  for (const [roll, name] of roster)
    users.push({
      id: `u-${roll}`,
      email: `${roll.toLowerCase()}@example.edu`,
      name,
      roll,
      password: 'student-pass',
      role: 'student',
    });
  for (const e of expected)
    if (e.student?.roll && !users.some((u) => u.roll === e.student.roll))
      users.push({
        id: `u-${e.student.roll}`,
        email: `${e.student.roll.toLowerCase()}@example.edu`,
        name: e.student.name,
        roll: e.student.roll,
        password: 'student-pass',
        role: 'student',
      });
  const course = { id: 'c-cs60010', code: 'CS60010', name: 'Deep Learning' };
  const exam = {
    id: 'cs60010-ct3',
    courseId: course.id,
    title: 'CS60010 Deep Learning — Class Test III',
    parameters: {} as Record<string, unknown>,
    released: false,
  };
  let rubricVersion = 1;
  let points: Record<string, number> = Object.fromEntries(PARTS.map(([id, max]) => [id, max]));
  let rubricYaml = rubricText(points);
  const subs = new Map<string, Sub>();
  const sessions = new Map<string, { userId: string; csrf: string }>();
  const sse = new Set<ServerResponse>();
  const requests: any[] = [];
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
      'content-disposition': `attachment; filename="cs60010-ct3-version-${name}.pdf"`,
    });
    res.end(Buffer.from(`%PDF-1.4\n% mock question paper, Version ${name}\n%%EOF\n`));
  };
  const stored = new Map<string, Buffer>();
  let seq = 0;

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

  function emit(s: Sub): void {
    const data = JSON.stringify({
      submissionId: s.id,
      status: s.status,
      progress: s.progress,
      total: s.parts ? total(s) : undefined,
      statusReason: s.statusReason,
    });
    for (const r of sse) r.write(`data: ${data}\n\n`);
  }
  const total = (s: Sub) => Object.values(s.parts ?? {}).reduce((a, p) => a + p.score, 0);
  const maxTotal = () => Object.values(points).reduce((a, b) => a + b, 0);

  function grade(s: Sub): void {
    const parts: Record<string, Part> = {};
    for (const [id, ,] of PARTS) {
      const max = points[id];
      const ov = [...s.overrides].reverse().find((o) => o.partId === id);
      const base = Math.min(max, s.base[id] ?? 0);
      const review = !ov && (id === '4b' || !s.answers[id]);
      const score = ov ? ov.score : base;
      const a = s.answers[id];
      parts[id] = {
        score,
        max,
        review,
        confidence: review ? 0.5 : 0.95,
        reasons: ov
          ? [`changed by a TA: ${ov.comment}`]
          : a
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
    s.status = Object.values(parts).some((p) => p.review) ? 'needs_review' : 'graded';
    s.progress = 1;
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
    emit(s);
  }

  function me(req: IncomingMessage): { user: User; csrf: string } | null {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const sess = sid ? sessions.get(sid) : undefined;
    const user = sess && users.find((u) => u.id === sess.userId);
    return user && sess ? { user, csrf: sess.csrf } : null;
  }

  const view = (s: Sub, forStudent: boolean) => ({
    id: s.id,
    examId: exam.id,
    fileName: s.fileName,
    status: s.status,
    statusReason: s.statusReason,
    createdAt: s.createdAt,
    student: s.studentId ? pick(users.find((u) => u.id === s.studentId)!) : null,
    header: s.header,
    pages: s.pages.map((p) => ({
      page: p.page,
      width: p.width,
      height: p.height,
      imageUrl: `/api/submissions/${s.id}/pages/${p.page}.png`,
    })),
    answers: forStudent && !exam.released ? [] : Object.values(s.answers),
    grade:
      s.parts && (!forStudent || exam.released)
        ? { total: total(s), max: maxTotal(), released: exam.released, parts: s.parts }
        : null,
    overrides: forStudent && !exam.released ? [] : s.overrides,
    regradeRequests: requests.filter((r) => r.submissionId === s.id),
    released: exam.released,
    total: s.parts && (!forStudent || exam.released) ? total(s) : null,
    max: maxTotal(),
    version: versionFor(s),
  });
  const row = (s: Sub) => ({
    id: s.id,
    fileName: s.fileName,
    status: s.status,
    statusReason: s.statusReason,
    progress: s.progress,
    student: s.studentId ? pick(users.find((u) => u.id === s.studentId)!) : null,
    header: s.header,
    total: s.parts ? total(s) : null,
    max: maxTotal(),
    needsReview: Object.values(s.parts ?? {}).filter((p) => p.review).length,
    createdAt: s.createdAt,
    withdrawn: s.withdrawn ?? null,
  });
  const state: MockState = {
    subs,
    requests,
    stored,
    partIds: PARTS.map(([id]) => id),
    released: () => exam.released,
    row,
    add(fileName, hash, bytes, range) {
      const s: Sub = {
        ...{ id: `s${++seq}`, fileName, hash, status: 'queued', statusReason: null, progress: 0 },
        ...{ studentId: null, header: { name: null, roll: null, region: null, issues: [] }, pages: [] },
        ...{ answers: {}, base: {}, parts: null, overrides: [], createdAt: new Date().toISOString() },
      };
      subs.set(s.id, s);
      queue = queue.then(() => ingest(s, bytes, range)).catch(() => {});
      return s;
    },
  };
  const extra = mockExtra(state);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (!path.startsWith('/api/')) return serveStatic(res, path);
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
    if (method === 'POST' && path === '/api/auth/login') {
      const b = await json(req);
      const u = users.find((x) => x.email === String(b.email).toLowerCase() && x.password === b.password);
      if (!u) return err(res, 401, 'unauthorized', 'Wrong email or password.');
      const sid = randomBytes(16).toString('hex');
      const csrf = randomBytes(16).toString('hex');
      sessions.set(sid, { userId: u.id, csrf });
      res.setHeader('set-cookie', `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`);
      return send(res, 200, { user: pick(u), csrfToken: csrf });
    }
    if (path === '/api/health') return send(res, 200, { db: 'up', redis: 'up' });
    const who = me(req);
    if (!who) return err(res, 401, 'unauthorized', 'Sign in first.');
    const { user } = who;
    if (method !== 'GET' && req.headers['x-csrf-token'] !== who.csrf)
      return err(res, 403, 'forbidden', 'Missing or wrong CSRF token.');
    const staff = user.role === 'admin' || user.role === 'ta';
    /** true when refused (the response is sent) */
    const notAdmin = () => {
      if (user.role === 'admin') return false;
      err(res, 403, 'forbidden', 'Only admins may do that.');
      return true;
    };
    let p: Record<string, string> | null;

    if (method === 'POST' && path === '/api/auth/logout') {
      for (const [k, v] of sessions) if (v.userId === user.id) sessions.delete(k);
      return send(res, 200, {});
    }
    if (m('GET /api/auth/me'))
      return send(res, 200, {
        user: pick(user),
        roles: [{ courseId: course.id, role: user.role }],
        csrfToken: who.csrf,
      });
    if (m('GET /api/courses')) return send(res, 200, [{ ...course, role: user.role }]);
    p = m('GET /api/courses/:c/exams');
    if (p)
      return p.c === course.id
        ? send(res, 200, [{ id: exam.id, courseId: course.id, title: exam.title }])
        : err(res, 404, 'not_found', 'Not found.');
    p = m('GET /api/exams/:e');
    if (p)
      return p.e === exam.id
        ? send(res, 200, {
            ...exam,
            releasedAt: exam.released ? new Date().toISOString() : null,
            parts: PARTS.map(([id, , path]) => ({ id, path })),
            rubricVersion: { id: `rv${rubricVersion}`, version: rubricVersion },
          })
        : err(res, 404, 'not_found', 'Not found.');
    if (m('GET /api/submissions/mine'))
      return send(
        res,
        200,
        [...subs.values()]
          .filter((s) => s.studentId === user.id)
          .map((s) => ({ ...view(s, true), examTitle: exam.title })),
      );
    p = m('GET /api/submissions/:id/pages/:n.png');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && s.studentId !== user.id)) return err(res, 404, 'not_found', 'Not found.');
      const pg = s.pages.find((x) => x.page === Number(p!.n));
      if (!pg) return err(res, 404, 'not_found', 'No such page.');
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' });
      return void res.end(pg.png);
    }
    p = m('GET /api/submissions/:id');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && s.studentId !== user.id)) return err(res, 404, 'not_found', 'Not found.');
      const { pages, answers, grade, overrides, regradeRequests, ...submission } = view(s, !staff);
      return send(res, 200, { submission, pages, answers, grade, overrides, regradeRequests });
    }
    p = m('POST /api/submissions/:id/parts/:part/regrade-requests');
    if (p) {
      const s = subs.get(p.id);
      if (!s || s.studentId !== user.id || !exam.released) return err(res, 404, 'not_found', 'Not found.');
      const b = await json(req);
      if (!b.message || String(b.message).trim().length < 5)
        return err(res, 400, 'invalid', 'Say what to look at.', { message: 'at least 5 characters' });
      const r = {
        id: `r${++seq}`,
        submissionId: s.id,
        partId: p.part,
        message: b.message,
        answer: null,
        status: 'open',
        student: pick(user),
        createdAt: new Date().toISOString(),
      };
      requests.push(r);
      return send(res, 201, r);
    }
    p = m('GET /api/submissions/:id/paper.pdf');
    if (p) {
      const s = subs.get(p.id);
      if (!s || (!staff && s.studentId !== user.id)) return err(res, 404, 'not_found', 'Not found.');
      const v = versionFor(s);
      return v ? paperPdf(res, v.name) : err(res, 404, 'not_found', 'this script has no exam version');
    }
    // everything below is staff only
    if (!staff) return void err(res, 404, 'not_found', 'Not found.');
    p = m('GET /api/exams/:e/versions');
    if (p)
      return send(res, 200, {
        versions: versions.map((v) => ({
          ...v,
          keys: keysOf({ ...exam.parameters, ...v.parameters }),
          students: [...versionOf.values()].filter((n) => n === v.name).length,
          paperUrl: `/api/exams/${exam.id}/versions/${v.name}/paper.pdf`,
        })),
      });
    p = m('POST /api/exams/:e/versions');
    if (p) {
      if (notAdmin()) return;
      const b = await json(req);
      const same = (a: object, c: object) => JSON.stringify(a) === JSON.stringify(c);
      const added = b.draw
        ? Array.from({ length: Number(b.draw.count) || 1 }, (_, i) => ({
            name: String.fromCharCode(65 + versions.length + i),
            parameters: i === 0 && b.draw.keepDefault && !versions.length ? {} : { '5.padding': i },
          }))
        : [{ name: String(b.name ?? '').trim(), parameters: b.parameters ?? {} }];
      for (const v of added) {
        if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/.test(v.name))
          return err(res, 400, 'invalid', 'invalid exam versions', { name: 'letters, digits, - or _' });
        if (versions.some((x) => x.name.toUpperCase() === v.name.toUpperCase()))
          return err(res, 409, 'conflict', `version ${v.name} already exists`);
        const twin = versions.find((x) => same(x.parameters, v.parameters));
        if (twin)
          return err(res, 400, 'invalid', 'invalid exam versions', {
            name: `versions ${twin.name} and ${v.name} have the same parameters`,
          });
        versions.push(v);
      }
      return send(res, 201, {
        created: added.map((v) => v.name),
        versions,
        summary: { scripts: subs.size, changed: 0 },
      });
    }
    p = m('GET /api/exams/:e/versions/:v/paper.pdf');
    if (p) {
      const name = p.v;
      return versions.some((v) => v.name === name)
        ? paperPdf(res, name)
        : err(res, 404, 'not_found', 'Not found.');
    }
    p = m('GET /api/exams/:e/roster');
    if (p)
      return send(res, 200, {
        versions: versions.map((v) => v.name),
        students: users
          .filter((u) => u.role === 'student')
          .map((u) => ({ ...pick(u), userId: u.id, version: versionOf.get(u.id) ?? null })),
      });
    if (await extra(m, req, res)) return;
    p = m('GET /api/exams/:e/submissions');
    if (p) return send(res, 200, listSubmissions(state, url.searchParams));
    p = m('POST /api/exams/:e/submissions');
    if (p) {
      const form = await new Request('http://x', {
        method: 'POST',
        headers: req.headers as any,
        body: new Uint8Array(await body(req)),
      }).formData();
      const created: any[] = [];
      const duplicates: any[] = [];
      const rejected: any[] = [];
      const incoming: { name: string; bytes: Buffer }[] = [];
      for (const f of form.getAll('files[]')) {
        if (typeof f === 'string') continue;
        const bytes = Buffer.from(await f.arrayBuffer());
        if (f.name.toLowerCase().endsWith('.zip')) {
          for (const [name, b] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
            incoming.push({ name, bytes: Buffer.from(b) });
          }
        } else incoming.push({ name: f.name, bytes });
      }
      for (const f of incoming) {
        const bytes = f.bytes;
        if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
          rejected.push({ file: f.name, reason: 'not a PDF (no %PDF- signature)' });
          continue;
        }
        const hash = createHash('sha256').update(bytes).digest('hex');
        const dup = [...subs.values()].find((s) => s.hash === hash);
        if (dup) {
          duplicates.push(row(dup));
          continue;
        }
        const s: Sub = {
          id: `s${++seq}`,
          fileName: f.name,
          hash,
          status: 'queued',
          statusReason: null,
          progress: 0,
          studentId: null,
          header: { name: null, roll: null, region: null, issues: [] },
          pages: [],
          answers: {},
          base: {},
          parts: null,
          overrides: [],
          createdAt: new Date().toISOString(),
        };
        subs.set(s.id, s);
        created.push(row(s));
        stored.set(s.id, bytes);
        queue = queue.then(() => ingest(s, bytes)).catch(() => {});
      }
      return send(res, 201, { created, duplicates, rejected });
    }
    p = m('GET /api/exams/:e/events');
    if (p) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(': hello\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }
    p = m('POST /api/submissions/:id/retry');
    if (p) {
      const s = subs.get(p.id);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (s.status !== 'failed') return err(res, 409, 'conflict', 'only failed submissions can be retried');
      s.status = 'queued';
      s.statusReason = null;
      s.progress = 0;
      emit(s);
      const bytes = stored.get(s.id)!;
      queue = queue.then(() => ingest(s, bytes)).catch(() => {});
      return send(res, 200, { id: s.id, status: 'queued' });
    }
    p = m('POST /api/submissions/:id/student');
    if (p) {
      const s = subs.get(p.id);
      const b = await json(req);
      const u = users.find((x) => x.id === b.studentId && x.role === 'student');
      if (!s || !u) return err(res, 404, 'not_found', 'Not found.');
      s.studentId = u.id;
      return send(res, 200, row(s));
    }
    p = m('POST /api/submissions/:id/parts/:part/override');
    if (p) {
      const s = subs.get(p.id);
      const b = await json(req);
      if (!s?.parts?.[p.part]) return err(res, 404, 'not_found', 'Not found.');
      if (!(typeof b.score === 'number' && b.score >= 0 && b.score <= points[p.part]))
        return err(res, 400, 'invalid', 'Bad score.', { score: `between 0 and ${points[p.part]}` });
      if (!b.comment) return err(res, 400, 'invalid', 'Say why.', { comment: 'required' });
      s.overrides.push({
        partId: p.part,
        score: b.score,
        comment: b.comment,
        by: user.name,
        at: new Date().toISOString(),
      });
      grade(s);
      return send(res, 200, view(s, false));
    }
    p = m('GET /api/exams/:e/review');
    if (p) {
      const groups = new Map<string, any>();
      for (const s of subs.values()) {
        for (const [id, part] of Object.entries(s.parts ?? {})) {
          if (!part.review) continue;
          const text = s.answers[id]?.text ?? '';
          const key = `${id}|${text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
          const g = groups.get(key) ?? { partId: id, answerKey: key, text, count: 0, items: [] };
          g.count += 1;
          const r = s.answers[id]?.regions?.[0] ?? null;
          g.items.push({
            submissionId: s.id,
            fileName: s.fileName,
            suggestedScore: part.score,
            max: part.max,
            reasons: part.reasons,
            crop: r,
          });
          groups.set(key, g);
        }
      }
      return send(
        res,
        200,
        [...groups.values()].sort((a, b) => b.count - a.count),
      );
    }
    p = m('POST /api/exams/:e/review/grade');
    if (p) {
      const b = await json(req);
      for (const id of b.submissionIds ?? []) {
        const s = subs.get(id);
        if (!s) continue;
        s.overrides.push({
          partId: b.partId,
          score: b.score,
          comment: b.comment ?? 'reviewed',
          by: user.name,
          at: new Date().toISOString(),
        });
        grade(s);
        emit(s);
      }
      return send(res, 200, { graded: (b.submissionIds ?? []).length });
    }
    p = m('POST /api/exams/:e/release');
    if (p) {
      exam.released = true;
      return send(res, 200, {
        releasedAt: new Date().toISOString(),
        released: 1,
        withheld: { identityUnconfirmed: 0 },
      });
    }
    p = m('GET /api/exams/:e/release');
    if (p)
      return send(res, 200, {
        releasedAt: exam.released ? new Date().toISOString() : null,
        released: 1,
        pending: { partsInReview: 0, scriptsInReview: 0, identityUnconfirmed: 0, notGraded: 0 },
      });
    p = m('DELETE /api/exams/:e/release');
    if (p) {
      exam.released = false;
      return send(res, 200, { releasedAt: null });
    }
    p = m('GET /api/exams/:e/regrade-requests');
    if (p)
      return send(
        res,
        200,
        requests.filter((r) => r.status === 'open').map((r) => requestCard(state, r)),
      );
    p = m('POST /api/regrade-requests/:id/answer');
    if (p) {
      const r = requests.find((x) => x.id === p!.id);
      const b = await json(req);
      if (!r) return err(res, 404, 'not_found', 'Not found.');
      r.answer = b.answer;
      r.status = 'answered';
      r.score = b.score ?? null;
      return send(res, 200, r);
    }
    p = m('GET /api/exams/:e/export.csv');
    if (p) {
      const lines = [['roll', 'name', ...PARTS.map(([id]) => id), 'total'].join(',')];
      for (const s of subs.values()) {
        const u = users.find((x) => x.id === s.studentId);
        lines.push(
          [
            u?.roll ?? '',
            u?.name ?? '',
            ...PARTS.map(([id]) => s.parts?.[id]?.score ?? ''),
            s.parts ? total(s) : '',
          ].join(','),
        );
      }
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-disposition': 'attachment; filename="grades.csv"',
      });
      return void res.end(`${lines.join('\n')}\n`);
    }
    p = m('GET /api/exams/:e/stats');
    if (p) {
      const graded = [...subs.values()].filter((s) => s.parts);
      const parts = PARTS.map(([id]) => {
        const scores = graded.map((s) => s.parts![id].score);
        return {
          partId: id,
          max: points[id],
          mean: avg(scores),
          median: med(scores),
          scores,
          auto: graded.filter((s) => !s.parts![id].review && !s.overrides.some((o) => o.partId === id))
            .length,
          reviewed: graded.filter((s) => s.overrides.some((o) => o.partId === id)).length,
        };
      });
      const totals = graded.map(total);
      const perScore = (xs: number[]) =>
        [...new Set(xs)]
          .sort((a, b) => a - b)
          .map((score) => ({ score, count: xs.filter((x) => x === score).length }));
      return send(res, 200, {
        parts: parts.map(({ scores, ...p }) => ({ ...p, histogram: perScore(scores) })),
        total: { mean: avg(totals), median: med(totals), histogram: perScore(totals) },
      });
    }
    p = m('GET /api/exams/:e/rubric');
    if (p)
      return send(res, 200, {
        version: rubricVersion,
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
      });
    p = m('POST /api/exams/:e/rubric/preview') ?? m('PUT /api/exams/:e/rubric');
    if (p) {
      if (notAdmin()) return;
      const b = await json(req);
      let doc: any;
      try {
        doc = parseYaml(String(b.yaml ?? ''));
      } catch (e) {
        return err(res, 400, 'invalid', 'The YAML does not parse.', {
          yaml: (e as Error).message.split('\n')[0],
        });
      }
      const fields: Record<string, string> = {};
      const next: Record<string, number> = { ...points };
      (Array.isArray(doc?.parts) ? doc.parts : []).forEach((pt: any, i: number) => {
        if (!points[pt?.id]) fields[`parts.${i}.id`] = `unknown part "${pt?.id}"`;
        else if (typeof pt.points !== 'number' || pt.points < 0)
          fields[`parts.${i}.points`] = 'must be a number of 0 or more';
        else next[pt.id] = pt.points;
      });
      if (!Array.isArray(doc?.parts)) fields.parts = 'a list of parts is required';
      if (Object.keys(fields).length) return err(res, 400, 'invalid', 'The rubric is not valid.', fields);
      const before = new Map([...subs.values()].filter((s) => s.parts).map((s) => [s.id, total(s)]));
      const old = points;
      points = next;
      for (const s of subs.values()) if (s.parts) grade(s);
      const deltas = [...before].map(([id, t]) => total(subs.get(id)!) - t);
      const summary = {
        scripts: deltas.length,
        changed: deltas.filter((d) => Math.abs(d) > 1e-9).length,
        meanDelta: avg(deltas) ?? 0,
        maxDelta: deltas.reduce((a, d) => (Math.abs(d) > Math.abs(a) ? d : a), 0),
      };
      if (method === 'POST') {
        points = old;
        for (const s of subs.values()) if (s.parts) grade(s);
        return send(res, 200, { summary });
      }
      rubricVersion += 1;
      rubricYaml = String(b.yaml);
      for (const s of subs.values()) emit(s);
      return send(res, 200, { version: rubricVersion, summary });
    }
    p = m('GET /api/exams/:e/keys');
    if (p) return send(res, 200, { parameters: exam.parameters, keys: keysOf(exam.parameters) });
    p = m('PUT /api/exams/:e/parameters');
    if (p) {
      if (notAdmin()) return;
      const b = await json(req);
      const f = b.parameters?.['5.filter'];
      if (f !== undefined && !(typeof f === 'number' && f > 0))
        return err(res, 400, 'invalid', 'Bad parameters.', { '5.filter': 'must be a positive integer' });
      const oldKeys = keysOf(exam.parameters);
      exam.parameters = b.parameters;
      return send(res, 200, {
        version: ++rubricVersion,
        oldKeys,
        newKeys: keysOf(exam.parameters),
        summary: { scripts: subs.size, changed: 0, meanDelta: 0, maxDelta: 0 },
      });
    }
    p = m('GET /api/courses/:c/members');
    if (p) {
      if (!staff) return err(res, 403, 'forbidden', 'Staff only.');
      return send(
        res,
        200,
        users.map((u) => ({ ...pick(u), userId: u.id, role: u.role })),
      );
    }
    p = m('POST /api/courses/:c/roster');
    if (p) {
      if (!staff) return err(res, 403, 'forbidden', 'Staff only.');
      // the contract's shape, lightly checked: `roll,name[,email]` lines, errors per line
      const b = await json(req);
      const lines = String(b.csv ?? '')
        .trim()
        .split(/\r?\n/);
      const head = lines[0].split(',').map((c) => c.trim().toLowerCase());
      const [ri, ni, ei, vi] = ['roll', 'name', 'email', 'version'].map((c) => head.indexOf(c));
      const fields: Record<string, string> = {};
      if (ri < 0 || ni < 0) fields['line 1: header'] = 'the header line names no "roll" or "name" column';
      const rows = lines.slice(1).map((l) => l.split(',').map((c) => c.trim()));
      rows.forEach((c, k) => {
        if (!c[ri]) fields[`line ${k + 2}: roll`] = 'a roll number is needed';
        if (!c[ni]) fields[`line ${k + 2}: name`] = 'a name is needed';
        if (vi >= 0 && c[vi] && !versions.some((v) => v.name.toUpperCase() === c[vi].toUpperCase()))
          fields[`line ${k + 2}: version`] = `"${c[vi]}" is not a version of this exam`;
      });
      if (vi >= 0 && !b.examId) fields['line 1: version'] = "import from the exam's roster page";
      if (Object.keys(fields).length)
        return err(
          res,
          400,
          'invalid',
          'Some lines of the class list are wrong: nothing was imported',
          fields,
        );
      let created = 0;
      for (const c of rows) {
        const roll = c[ri].toUpperCase();
        const u = users.find((x) => x.role === 'student' && x.roll === roll);
        if (u) u.name = c[ni];
        else {
          created++;
          users.push({
            id: `u${++seq}`,
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
      return send(res, 200, {
        students: rows.length,
        created,
        updated: rows.length - created,
        enrolled: created,
        unchanged: 0,
        ...(vi >= 0
          ? {
              versions: {
                assigned: rows.filter((c) => c[vi]).length,
                changed,
                regrade: { scripts: subs.size, changed: 0 },
              },
            }
          : {}),
      });
    }
    p = m('POST /api/courses/:c/members');
    if (p) {
      if (notAdmin()) return;
      const b = await json(req);
      if (!/^\S+@\S+$/.test(b.email ?? ''))
        return err(res, 400, 'invalid', 'Bad member.', { email: 'not an email address' });
      users.push({
        id: `u${++seq}`,
        email: b.email,
        name: b.name,
        roll: b.roll ?? null,
        password: randomBytes(8).toString('hex'),
        role: b.role,
      });
      return send(res, 201, {});
    }
    return err(res, 404, 'not_found', 'No such route.');
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

  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) err(res, 500, 'server', (e as Error).message);
    });
  });
}

function rubricText(points: Record<string, number>): string {
  return `# CS60010 CT3 rubric (mock)\nparts:\n${Object.entries(points)
    .map(([id, p]) => `  - id: "${id}"\n    points: ${p}\n`)
    .join('')}`;
}
function pick(u: User) {
  return { id: u.id, email: u.email, name: u.name, roll: u.roll };
}
function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
function err(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): void {
  send(res, status, { error: { code, message, ...(fields ? { fields } : {}) } });
}
async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function json(req: IncomingMessage): Promise<any> {
  const b = await body(req);
  try {
    return b.length ? JSON.parse(b.toString('utf8')) : {};
  } catch {
    return {};
  }
}
function union(bs: Box[]): Box {
  const x1 = Math.min(...bs.map((b) => b.x));
  const y1 = Math.min(...bs.map((b) => b.y));
  const x2 = Math.max(...bs.map((b) => b.x + b.w));
  const y2 = Math.max(...bs.map((b) => b.y + b.h));
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const med = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
