/**
 * The contract mock's side of the TA's day, kept apart from mock-api.ts: the submissions list
 * sorted, filtered and paged; withdraw, restore, delete; two scripts compared with shared answers
 * marked; regrade-request cards with score, max and crop; stacks split at header pages. Also the
 * answering helpers both files use: every JSON answer is checked against the API's contract
 * (@grader/contract), and one that does not fit is recorded (and logged).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ContractProblem, checkResponse, type ListQuery } from '@grader/contract';
import { type RenderedPage, renderPdf } from './pdf-pages.ts';

type Any = any;

export interface MockState {
  subs: Map<string, Any>;
  requests: Any[];
  stored: Map<string, Buffer>;
  partIds: string[];
  examId: string;
  released(): boolean;
  row(s: Any): Any;
  /** the submission's pages as the API lists them */
  pageRefs(s: Any): Any[];
  /** the effective grade's part (overrides applied), or undefined */
  partOf(s: Any, partId: string): Any;
  studentRef(s: Any): Any;
  newId(kind: string): string;
  /** a new submission row (queued), registered and ingested from `bytes` (only `range`'s pages) */
  add(fileName: string, hash: string, bytes: Buffer, range?: { from: number; to: number }): Any;
}

type Match = (pattern: string) => Record<string, string> | null;

/** Where each response goes: checked against the contract when it is sent. */
const routeOf = new WeakMap<ServerResponse, { method: string; path: string; problems: ContractProblem[] }>();
export function trackResponse(
  res: ServerResponse,
  method: string,
  path: string,
  problems: ContractProblem[],
): void {
  routeOf.set(res, { method, path, problems });
}

/** answers and returns true: `return send(...)` in a route means "handled" */
export const send = (res: ServerResponse, status: number, body: unknown): true => {
  const at = routeOf.get(res);
  if (at) {
    const problem = checkResponse(at.method, at.path, status, JSON.parse(JSON.stringify(body ?? null)));
    if (problem) {
      at.problems.push(problem);
      console.warn(
        `mock API: ${problem.route} (${status}) outside the contract: ${problem.issues.join('; ')}`,
      );
    }
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
};
export const err = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
) => send(res, status, { error: { code, message, ...(fields ? { fields } : {}) } });
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** GET /api/exams/:e/submissions with the API's query: a plain array, or a page in an envelope. */
export function listSubmissions(state: MockState, q: ListQuery): unknown {
  const status = q.status;
  let rows = [...state.subs.values()].filter((s) => (status === 'withdrawn' ? s.withdrawn : !s.withdrawn));
  rows = rows.map((s) => ({ s, r: state.row(s) })) as Any;
  const flag = q.flag;
  const list = (rows as Any[]).filter(({ r }) => {
    if (status && status !== 'withdrawn' && r.status !== status) return false;
    if (flag === 'any' ? !(r.flags ?? []).length : flag && !(r.flags ?? []).includes(flag)) return false;
    if (q.review === '1' && !r.needsReview) return false;
    return true;
  });
  const sort = q.sort;
  const dir = (q.order ?? (sort === 'score' || sort === 'uploaded' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const key = (r: Any) =>
    sort === 'roll'
      ? (r.student?.roll ?? null)
      : sort === 'name'
        ? (r.student?.name ?? null)
        : sort === 'score'
          ? r.total
          : sort === 'status'
            ? r.status
            : r.createdAt;
  list.sort((a: Any, b: Any) => {
    const x = key(a.r);
    const y = key(b.r);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
  });
  const out = list.map(({ r }: Any) => r);
  const size = q.pageSize;
  if (!size) return out;
  const page = q.page;
  return {
    items: out.slice((page - 1) * size, page * size),
    total: out.length,
    page,
    pageSize: size,
    withdrawn: [...state.subs.values()].filter((s) => s.withdrawn).length,
  };
}

/** A regrade request as the staff list shows it: with the part's score now, max and crop. */
export function requestCard(state: MockState, r: Any): Any {
  const s = state.subs.get(r.submissionId);
  const part = s ? state.partOf(s, r.partId) : undefined;
  const a = s?.answers?.[r.partId];
  const crop = a?.regions?.[0] ?? null;
  const pg = crop && s.pages.find((p: Any) => p.page === crop.page);
  return {
    ...r,
    current: part
      ? { score: part.score, max: part.max, review: part.review, overridden: Boolean(part.override) }
      : null,
    answerText: a?.text ?? null,
    crop,
    page: pg
      ? {
          page: pg.page,
          width: pg.width,
          height: pg.height,
          imageUrl: `/api/submissions/${s.id}/pages/${pg.page}.png`,
        }
      : null,
  };
}

interface Stack {
  id: string;
  fileName: string;
  hash: string;
  status: string;
  starts: number[];
  pages: RenderedPage[];
  submissions: string[];
  createdAt: string;
  confirmedAt: string | null;
}

/** The staff routes of the TA's day; true when the request was answered. */
export function mockExtra(state: MockState) {
  const stacks = new Map<string, Stack>();
  const stackView = (s: Stack) => ({
    id: s.id,
    examId: state.examId,
    fileName: s.fileName,
    status: s.status,
    statusReason: null,
    pageCount: s.pages.length,
    starts: s.starts,
    pages: s.pages.map((p) => ({ page: p.page, thumbUrl: `/api/stacks/${s.id}/pages/${p.page}.png` })),
    submissions: s.submissions,
    confirmedAt: s.confirmedAt,
    createdAt: s.createdAt,
  });
  /** `b`: the JSON body, already checked against the route's request schema */
  return async (m: Match, req: IncomingMessage, res: ServerResponse, b: Any): Promise<boolean> => {
    let p = m('POST /api/submissions/:id/withdraw');
    if (p) {
      const s = state.subs.get(p.id);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (s.withdrawn) return err(res, 409, 'conflict', `${s.fileName} is already withdrawn`);
      s.withdrawn = { at: new Date().toISOString(), reason: b.reason };
      return send(res, 200, { id: s.id, withdrawn: s.withdrawn });
    }
    p = m('POST /api/submissions/:id/restore');
    if (p) {
      const s = state.subs.get(p.id);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (!s.withdrawn) return err(res, 409, 'conflict', `${s.fileName} is not withdrawn`);
      s.withdrawn = null;
      return send(res, 200, { id: s.id, withdrawn: null });
    }
    p = m('DELETE /api/submissions/:id');
    if (p) {
      const s = state.subs.get(p.id);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (b.confirm !== s.fileName)
        return err(res, 400, 'invalid', `type the file name "${s.fileName}" to confirm`, {
          confirm: `must be ${s.fileName}`,
        });
      if (state.released() && s.studentId && !s.withdrawn)
        return err(
          res,
          409,
          'conflict',
          `${s.fileName} is released to its student: un-release the grades (or withdraw it) before deleting`,
        );
      state.subs.delete(s.id);
      state.stored.delete(s.id);
      return send(res, 200, { id: s.id, deleted: true, fileRemoved: true });
    }
    p = m('GET /api/submissions/:id/similar/:other');
    if (p) {
      const a = state.subs.get(p.id);
      const other = state.subs.get(p.other);
      if (!a || !other || a === other || !a.parts || !other.parts)
        return err(res, 404, 'not_found', 'Not found.');
      // stand-in evidence: the numbers both answers of a part contain
      const values = state.partIds.flatMap((id) => {
        const na = new Set(a.answers[id]?.text.match(/\d+(?:\.\d+)?/g) ?? []);
        const nb: string[] = other.answers[id]?.text.match(/\d+(?:\.\d+)?/g) ?? [];
        return [...new Set(nb.filter((n) => na.has(n) && n.length > 1))].map((value) => ({
          partId: id,
          value,
          scripts: 2,
        }));
      });
      const side = (s: Any) => ({
        id: s.id,
        fileName: s.fileName,
        student: state.studentRef(s),
        similarity: s.flagReasons?.similarity ?? null,
        pages: state.pageRefs(s),
        answers: Object.fromEntries(
          Object.entries(s.answers).map(([k, v]: Any) => [k, { text: v.text, regions: v.regions }]),
        ),
      });
      return send(res, 200, {
        partIds: state.partIds,
        a: side(a),
        b: side(other),
        evidence: { values, sentences: [] },
      });
    }
    p = m('POST /api/exams/:e/stacks');
    if (p) {
      const form = await new Request('http://x', {
        method: 'POST',
        headers: req.headers as Any,
        body: new Uint8Array(await readBody(req)),
      }).formData();
      const f = form.get('file');
      if (!f || typeof f === 'string') return err(res, 400, 'invalid', 'no file', { file: 'required' });
      const bytes = Buffer.from(await f.arrayBuffer());
      const hash = createHash('sha256').update(bytes).digest('hex');
      const dup = [...stacks.values()].find((s) => s.hash === hash);
      if (dup) return send(res, 200, { ...stackView(dup), duplicate: true });
      const pages = await renderPdf(bytes);
      // a script starts where a page's top holds a roll number or a Name label (page 1 always)
      const starts = pages
        .filter(
          (pg) =>
            pg.page === 1 || pg.lines.some((l) => l.box.y < pg.height * 0.3 && /^(name|roll)/i.test(l.text)),
        )
        .map((pg) => pg.page);
      const s: Stack = {
        id: state.newId('t'),
        fileName: f.name,
        hash,
        status: 'proposed',
        starts,
        pages,
        submissions: [],
        createdAt: new Date().toISOString(),
        confirmedAt: null,
      };
      stacks.set(s.id, s);
      state.stored.set(s.id, bytes);
      return send(res, 201, stackView(s));
    }
    p = m('GET /api/exams/:e/stacks');
    if (p) return send(res, 200, [...stacks.values()].map(stackView));
    p = m('GET /api/stacks/:id/pages/:n.png');
    if (p) {
      const pg = stacks.get(p.id)?.pages.find((x) => x.page === Number(p!.n));
      if (!pg) return err(res, 404, 'not_found', 'Not found.');
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(pg.png);
      return true;
    }
    p = m('GET /api/stacks/:id');
    if (p) {
      const s = stacks.get(p.id);
      return s ? send(res, 200, stackView(s)) : err(res, 404, 'not_found', 'Not found.');
    }
    p = m('POST /api/stacks/:id/confirm');
    if (p) {
      const s = stacks.get(p.id);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (s.status === 'confirmed')
        return err(res, 409, 'conflict', 'this stack was already split into submissions');
      const starts: number[] = b.starts;
      const n = s.pages.length;
      if (starts[0] !== 1 || starts.some((x, i) => i > 0 && x <= starts[i - 1]) || (starts.at(-1) ?? 0) > n)
        return err(res, 400, 'invalid', 'bad split points', { starts: 'the first script starts on page 1' });
      const bytes = state.stored.get(s.id)!;
      const created = starts.map((from, i) => {
        const to = (starts[i + 1] ?? n + 1) - 1;
        const range = `pages=${from}-${to}`;
        const sub = state.add(`${s.fileName}#${range}`, `${s.hash}#${range}`, bytes, { from, to });
        s.submissions.push(sub.id);
        return { id: sub.id, fileName: sub.fileName, status: sub.status };
      });
      s.status = 'confirmed';
      s.confirmedAt = new Date().toISOString();
      s.starts = starts;
      return send(res, 201, { stackId: s.id, created });
    }
    return false;
  };
}
