/**
 * The contract mock's side of the TA's day, kept apart from mock-api.ts: the submissions list
 * sorted, filtered and paged; withdraw, restore, delete; two scripts compared with shared answers
 * marked; regrade-request cards with score, max and crop; stacks split at header pages.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RenderedPage, renderPdf } from './pdf-pages.ts';

type Any = any;

export interface MockState {
  subs: Map<string, Any>;
  requests: Any[];
  stored: Map<string, Buffer>;
  partIds: string[];
  released(): boolean;
  row(s: Any): Any;
  /** a new submission row (queued), registered and ingested from `bytes` (only `range`'s pages) */
  add(fileName: string, hash: string, bytes: Buffer, range?: { from: number; to: number }): Any;
}

type Match = (pattern: string) => Record<string, string> | null;

/** answers and returns true: `return send(...)` in a route means "handled" */
const send = (res: ServerResponse, status: number, body: unknown): true => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
};
const err = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
) => send(res, status, { error: { code, message, ...(fields ? { fields } : {}) } });
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function readJson(req: IncomingMessage): Promise<Any> {
  const b = await readBody(req);
  try {
    return b.length ? JSON.parse(b.toString('utf8')) : {};
  } catch {
    return {};
  }
}

/** GET /api/exams/:e/submissions with the API's query: a plain array, or a page in an envelope. */
export function listSubmissions(state: MockState, q: URLSearchParams): unknown {
  const status = q.get('status');
  let rows = [...state.subs.values()].filter((s) => (status === 'withdrawn' ? s.withdrawn : !s.withdrawn));
  rows = rows.map((s) => ({ s, r: state.row(s) })) as Any;
  const flag = q.get('flag');
  const list = (rows as Any[]).filter(({ r }) => {
    if (status && status !== 'withdrawn' && r.status !== status) return false;
    if (flag === 'any' ? !(r.flags ?? []).length : flag && !(r.flags ?? []).includes(flag)) return false;
    if (q.get('review') === '1' && !r.needsReview) return false;
    return true;
  });
  const sort = q.get('sort') ?? 'uploaded';
  const dir =
    (q.get('order') ?? (sort === 'score' || sort === 'uploaded' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
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
  const size = q.get('pageSize');
  if (!size) return out;
  const page = Number(q.get('page') ?? 1);
  return {
    items: out.slice((page - 1) * Number(size), page * Number(size)),
    total: out.length,
    page,
    pageSize: Number(size),
    withdrawn: [...state.subs.values()].filter((s) => s.withdrawn).length,
  };
}

/** A regrade request as the staff list shows it: with the part's score now, max and crop. */
export function requestCard(state: MockState, r: Any): Any {
  const s = state.subs.get(r.submissionId);
  const part = s?.parts?.[r.partId];
  const a = s?.answers?.[r.partId];
  const crop = a?.regions?.[0] ?? null;
  const pg = crop && s.pages.find((p: Any) => p.page === crop.page);
  return {
    ...r,
    current: part ? { score: part.score, max: part.max, review: part.review, overridden: false } : null,
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
}

/** The staff routes of the TA's day; true when the request was answered. */
export function mockExtra(state: MockState) {
  const stacks = new Map<string, Stack>();
  let seq = 0;
  const stackView = (s: Stack) => ({
    id: s.id,
    examId: 'cs60010-ct3',
    fileName: s.fileName,
    status: s.status,
    statusReason: null,
    pageCount: s.pages.length,
    starts: s.starts,
    pages: s.pages.map((p) => ({ page: p.page, thumbUrl: `/api/stacks/${s.id}/pages/${p.page}.png` })),
    submissions: s.submissions,
  });
  return async (m: Match, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    let p = m('POST /api/submissions/:id/withdraw');
    if (p) {
      const s = state.subs.get(p.id);
      const b = await readJson(req);
      if (!s) return err(res, 404, 'not_found', 'Not found.');
      if (!String(b.reason ?? '').trim())
        return err(res, 400, 'invalid', 'invalid withdrawal', { reason: 'say why' });
      s.withdrawn = { at: new Date().toISOString(), reason: b.reason };
      return send(res, 200, { id: s.id, withdrawn: s.withdrawn });
    }
    p = m('POST /api/submissions/:id/restore');
    if (p) {
      const s = state.subs.get(p.id);
      if (!s?.withdrawn) return err(res, 409, 'conflict', 'not withdrawn');
      s.withdrawn = null;
      return send(res, 200, { id: s.id, withdrawn: null });
    }
    p = m('DELETE /api/submissions/:id');
    if (p) {
      const s = state.subs.get(p.id);
      const b = await readJson(req);
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
          `${s.fileName} is released to its student: un-release the grades first`,
        );
      state.subs.delete(s.id);
      state.stored.delete(s.id);
      return send(res, 200, { id: s.id, deleted: true, fileRemoved: true });
    }
    p = m('GET /api/submissions/:id/similar/:other');
    if (p) {
      const a = state.subs.get(p.id);
      const b = state.subs.get(p.other);
      if (!a || !b || a === b) return err(res, 404, 'not_found', 'Not found.');
      // stand-in evidence: the numbers both answers of a part contain
      const values = state.partIds.flatMap((id) => {
        const na = new Set(a.answers[id]?.text.match(/\d+(?:\.\d+)?/g) ?? []);
        const nb: string[] = b.answers[id]?.text.match(/\d+(?:\.\d+)?/g) ?? [];
        return [...new Set(nb.filter((n) => na.has(n) && n.length > 1))].map((value) => ({
          partId: id,
          value,
          scripts: 2,
        }));
      });
      const side = (s: Any) => ({
        id: s.id,
        fileName: s.fileName,
        student: state.row(s).student,
        similarity: `shares answers with ${s === a ? b.fileName : a.fileName}`,
        pages: [],
        answers: Object.fromEntries(
          Object.entries(s.answers).map(([k, v]: Any) => [k, { text: v.text, regions: v.regions }]),
        ),
      });
      return send(res, 200, {
        partIds: state.partIds,
        a: side(a),
        b: side(b),
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
        id: `st${++seq}`,
        fileName: f.name,
        hash,
        status: 'proposed',
        starts,
        pages,
        submissions: [],
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
      if (s.status === 'confirmed') return err(res, 409, 'conflict', 'already split');
      const starts: number[] = (await readJson(req)).starts ?? [];
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
      s.starts = starts;
      return send(res, 201, { stackId: s.id, created });
    }
    return false;
  };
}
