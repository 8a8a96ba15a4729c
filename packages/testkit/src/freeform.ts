// The free-form corpus (`freeform/`): scripts written freshly by many "students" (txt, LaTeX, HTML),
// labelled part by part from the rubric document by a labeller who never saw the grader's output.
// This module renders the sources to PDFs and scores a grader run against the labels, per format
// and per half (tune / held out).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { dejavu } from './render/fonts.ts';
import { findTool, MissingToolError, requireTool } from './render/tools.ts';

export const FREEFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'freeform');

export interface FreeformEntry {
  file: string;
  name: string;
  roll: string | null;
  format: 'typed' | 'latex' | 'office';
  twoColumn?: boolean;
  copiedFrom?: string | null;
  /** which writer (a subagent playing many students) wrote it */
  writer: string;
}

/** Every source with its manifest entry, writers in name order. */
export function freeformSources(dir = FREEFORM_DIR): (FreeformEntry & { path: string })[] {
  const root = join(dir, 'sources');
  const out: (FreeformEntry & { path: string })[] = [];
  for (const writer of readdirSync(root).sort()) {
    const manifest = join(root, writer, 'manifest.json');
    if (!existsSync(manifest)) continue;
    for (const e of JSON.parse(readFileSync(manifest, 'utf8')) as FreeformEntry[])
      out.push({ ...e, writer, path: join(root, writer, e.file) });
  }
  return out;
}

/** Debian's fallback font for Chinese and Japanese (fonts-droid-fallback), as an editor would use. */
const CJK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
/** Debian's fonts for Indian scripts (fonts-lohit-deva, -beng, -taml, -telu, -guru, -gujr, …), where installed. */
const INDIC_FONTS = '/usr/share/fonts/truetype';
const indicFonts = () =>
  existsSync(INDIC_FONTS)
    ? readdirSync(INDIC_FONTS)
        .filter((d) => d.startsWith('lohit-'))
        .sort()
        .flatMap((d) =>
          readdirSync(join(INDIC_FONTS, d))
            .filter((f) => f.endsWith('.ttf'))
            .map((f) => join(INDIC_FONTS, d, f)),
        )
    : [];

/**
 * A plain-text script as a typed PDF: DejaVu Sans (it has ⊙ σ ∂ ∏ ₜ ᵀ), A4, lines wrapped. Characters
 * DejaVu Sans has no glyph for are set in the first fallback that has one, as a student's editor
 * would show them: DejaVu's math font (the mathematical italic letters 𝑓 𝐶 𝜕 of Word's equation
 * editor), then Debian's CJK font (full-width forms, Chinese, Japanese) and its fonts for Indian scripts
 * where they are installed.
 */
export function renderTxt(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(1615809600000) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const main = dejavu('DejaVuSans.ttf');
    const fallbacks = [
      dejavu('DejaVuMathTeXGyre.ttf'),
      ...(existsSync(CJK_FONT) ? [CJK_FONT] : []),
      ...indicFonts(),
    ];
    doc.font(main).fontSize(10.5);
    const body = text.replace(/\t/g, '    ');
    const has = (ch: string) =>
      (doc as unknown as FontfulDoc)._font.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
    // the font each character is set in: the main one, else the first fallback with its glyph
    const fontOf = new Map<string, string>();
    for (const ch of new Set(body)) {
      if (ch === '\n' || has(ch)) continue;
      const f = fallbacks.find((font) => {
        doc.font(font);
        return has(ch);
      });
      fontOf.set(ch, f ?? main);
      doc.font(main);
    }
    if (!fontOf.size) {
      doc.text(body, { lineGap: 2 });
      doc.end();
      return;
    }
    for (const line of body.split('\n')) {
      // runs of characters by the font that has them, one line at a time
      const runs: Array<{ text: string; font: string }> = [];
      for (const ch of line) {
        const font = fontOf.get(ch) ?? main;
        const last = runs[runs.length - 1];
        if (last && last.font === font) last.text += ch;
        else runs.push({ text: ch, font });
      }
      if (!runs.length) runs.push({ text: ' ', font: main });
      runs.forEach((r, k) => {
        doc.font(r.font).text(r.text, { lineGap: 2, continued: k < runs.length - 1 });
        doc.font(main);
      });
    }
    doc.end();
  });
}

/** The part of pdfkit's document that says whether its current font has a glyph. */
type FontfulDoc = { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } };

export function renderTex(tex: string, name: string): Buffer {
  requireTool('pdflatex', 'texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern');
  const dir = mkdtempSync(join(tmpdir(), 'ff-latex-'));
  try {
    writeFileSync(join(dir, 'script.tex'), tex);
    for (let pass = 0; pass < 2; pass++) {
      try {
        execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'script.tex'], {
          cwd: dir,
          stdio: 'pipe',
          env: { ...process.env, SOURCE_DATE_EPOCH: '1615809600', FORCE_SOURCE_DATE: '1' },
        });
      } catch {
        const log = readFileSync(join(dir, 'script.log'), 'utf8');
        throw new Error(`pdflatex failed on ${name}: ${log.split('\n').find((l) => l.startsWith('!'))}`);
      }
    }
    return readFileSync(join(dir, 'script.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** HTML pages as a Word user's export: LibreOffice Writer, one run for all of them. */
export function renderHtml(paths: string[]): Map<string, Buffer> {
  const cmd = findTool('soffice', 'libreoffice');
  if (!cmd)
    throw new MissingToolError('libreoffice is not installed (apt-get install -y libreoffice-writer-nogui)');
  const dir = mkdtempSync(join(tmpdir(), 'ff-office-'));
  try {
    execFileSync(
      cmd,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        dir,
        ...paths,
      ],
      { stdio: 'pipe', timeout: 600_000 },
    );
    const out = new Map<string, Buffer>();
    for (const p of paths) {
      const pdf = join(dir, `${basename(p, extname(p))}.pdf`);
      if (!existsSync(pdf)) throw new Error(`libreoffice did not convert ${basename(p)}`);
      out.set(p, readFileSync(pdf));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders every source to `freeform/pdf/<name>.pdf` and writes the roster of their writers. */
export async function renderFreeform(dir = FREEFORM_DIR, writers: string[] = []): Promise<string[]> {
  // committed PDFs are what was scored: re-render only the writers named (all when none is)
  const srcs = freeformSources(dir).filter(
    (s) => writers.length === 0 || writers.includes(basename(s.path).replace(/-\d+\.\w+$/, '')),
  );
  const outDir = join(dir, 'pdf');
  const written: string[] = [];
  const put = (src: string, pdf: Buffer) => {
    const f = join(outDir, `${basename(src, extname(src))}.pdf`);
    writeFileSync(f, pdf);
    written.push(f);
  };
  execFileSync('mkdir', ['-p', outDir]);
  for (const s of srcs) {
    if (s.path.endsWith('.txt')) put(s.path, await renderTxt(readFileSync(s.path, 'utf8')));
    else if (s.path.endsWith('.tex')) put(s.path, renderTex(readFileSync(s.path, 'utf8'), s.file));
  }
  const html = srcs.filter((s) => s.path.endsWith('.html')).map((s) => s.path);
  if (html.length) for (const [p, pdf] of renderHtml(html)) put(p, pdf);
  return written;
}

/**
 * The tune half: scripts by these writers; the rest are held out (scored once, at the end). Each
 * held-out round, once scored, joins the tune half and fresh writers are commissioned.
 */
export const TUNE_WRITERS = [
  'wb',
  'wc',
  'adhoc',
  'wd',
  'we',
  'wf',
  'wg',
  'wh',
  'wi',
  'wj',
  'wk',
  'wl',
  'wm',
  'wn',
  'wo',
  'wp',
  'wq',
  'wr',
  'ws',
  'wt',
  'wu',
  'wv',
  'ww',
  'wx',
  'wy',
  'wz',
  'xa',
  'xb',
  'xc',
  'xd',
  'xe',
  'xf',
  'xg',
  'xh',
  'xi',
  'xj',
  'xk',
  'xl',
  'xm',
  'xn',
  'xo',
  'xp',
  'xq',
  'xr',
  'xs',
  'xt',
  'xu',
  'xv',
  'xw',
  'xx',
  'xy',
  'xz',
  'ya',
  'yb',
  'yc',
  'yd',
  'ye',
  'yf',
  'yg',
  'yh',
  'yi',
  'yj',
  'yk',
  'yl',
  'ym',
  'yn',
  'yo',
  'yp',
  'yq',
  'yr',
  'ys',
  'yt',
  'yu',
  'yv',
  'yw',
  'yx',
  'yy',
  'yz',
  'za',
  'zb',
  'zc',
  'zd',
  'ze',
  'zf',
  'zg',
  'zh',
  'zi',
  'zj',
  'zk',
  'zl',
  'zm',
  'zn',
  'zo',
  'zp',
  'zq',
  'zr',
  'zs',
  'zt',
  'zu',
  'zv',
  'zw',
  'zx',
  'zy',
  'zz',
  'va',
  'vb',
  'vc',
  'vd',
  've',
  'vf',
  'vg',
  'vh',
  'vi',
  'vj',
  'vk',
  'vl',
  'vm',
  'vn',
  'vo',
  'vp',
  'vq',
  'vr',
  'vs',
  'vt',
  'vu',
  'vv',
  'vw',
  'vx',
  'vy',
  'ub',
  'vz',
  'ua',
  'uc',
  'ud',
  'ue',
  'uf',
  'ug',
  'uh',
  'ui',
  'uj',
  'uk',
  'ul',
  'um',
  'un',
  'uo',
  'up',
  'uq',
  'ur',
  'us',
  'ut',
  'uu',
  'uv',
  'uw',
  'ux',
  'uy',
  'uz',
  'ta',
  'tb',
  'tc',
  'td',
  'te',
  'tf',
  'tg',
  'th',
  'ti',
  'tj',
  'tk',
  'tl',
  'tm',
  'tn',
  'to',
  'tp',
  'tq',
  'tr',
  'ts',
  'tt',
  'tu',
  'tv',
  'tw',
  'tx',
  'ty',
  'tz',
  'sa',
  'sb',
  'sc',
  'sd',
  'se',
  'sf',
  'sg',
  'sh',
  'si',
  'sj',
  'sk',
  'sl',
  'sm',
  'sn',
  'so',
  'sp',
  'sq',
  'sr',
  'ss',
  'st',
  'su',
  'sv',
  'sw',
  'sx',
  'sy',
  'sz',
  'wa',
  'ra',
  'rb',
  'rc',
  'rd',
  're',
  'rf',
  'rg',
  'rh',
  'ri',
  'rj',
  'rk',
  'rl',
  'rm',
  'rn',
  'ro',
  'rp',
  'rq',
  'rr',
  'rs',
  'rt',
  'ru',
  'rv',
  'rw',
  'rx',
  'ry',
  'rz',
  'qa',
  'qb',
  'qc',
  'qd',
  'qe',
  'qf',
  'qg',
  'qh',
  'qi',
  'qj',
  'qk',
  'ql',
  'qm',
  'qn',
  'qo',
  'qp',
  'qq',
  'qr',
  'qs',
  'qt',
  'qu',
  'qv',
  'qw',
  'qx',
  'qy',
  'qz',
  'pa',
  'pb',
  'pc',
  'pd',
  'pe',
  'pf',
  'pg',
  'ph',
  'pi',
  'pj',
  'pk',
  'pl',
  'pm',
  'pn',
  'po',
  'pp',
  'pq',
  'pr',
  'ps',
  'pt',
  'pu',
  'pv',
  'pw',
  'px',
  'py',
  'pz',
  'oa',
  'ob',
  'oc',
  'od',
  'oe',
  'of',
  'og',
  'oh',
  'oi',
  'oj',
  'ok',
  'ol',
  'om',
  'on',
  'oo',
  'op',
  'oq',
  'or',
  'os',
  'ot',
  'ou',
  'ov',
  'ow',
  'ox',
  'oy',
  'oz',
  'na',
  'nb',
  'nc',
  'nd',
  'ne',
  'nf',
  'ng',
  'nh',
  'ni',
  'nj',
  'nk',
  'nl',
  'nm',
  'nn',
  'no',
  'np',
  'nq',
  'nr',
  'ns',
  'nt',
  'nu',
  'nv',
  'nw',
  'nx',
  'ny',
  'nz',
  'ma',
  'mb',
  'mc',
  'md',
  'me',
  'mf',
  'mg',
  'mh',
  'mi',
  'mj',
  'mk',
  'ml',
  'mm',
  'mn',
  'mo',
  'mp',
  'mq',
  'mr',
  'ms',
  'mt',
  'mu',
  'mv',
  'mw',
  'mx',
  'my',
  'mz',
  'la',
  'lb',
  'lc',
  'ld',
  'le',
  'lf',
  'lg',
  'lh',
  'li',
  'lj',
  'lk',
  'll',
  'lm',
  'ln',
  'lo',
  'lp',
  'lq',
  'lr',
  'ls',
  'lt',
  'lu',
  'lv',
  'lw',
  'lx',
  'ly',
  'lz',
  'ka',
  'kb',
  'kc',
  'kd',
  'ke',
  'kf',
  'kg',
  'kh',
  'ki',
  'kj',
  'kk',
  'kl',
  'km',
  'kn',
  'ko',
  'kp',
  'kq',
  'kr',
  'ks',
  'kt',
  'ku',
  'kv',
  'kw',
  'kx',
  'ky',
  'kz',
  'ja',
  'jb',
  'jc',
  'jd',
  'je',
  'jf',
  'jg',
  'jh',
  'ji',
  'jj',
  'jk',
  'jl',
  'jm',
  'jn',
  'jo',
  'jp',
  'jq',
  'jr',
  'js',
  'jt',
  'ju',
  'jv',
  'jw',
  'jx',
  'jy',
  'jz',
  'ia',
  'ib',
  'ic',
  'id',
  'ie',
  'if',
  'ig',
  'ih',
  'ii',
  'ij',
  'ik',
  'il',
  'im',
  'in',
  'io',
  'ip',
  'iq',
  'ir',
  'is',
  'it',
  'iu',
  'iv',
  'iw',
  'ix',
  'iy',
  'iz',
  'ha',
  'hb',
];

export interface FreeformLabel {
  file: string;
  format: string;
  writer: string;
  student: { name: string | null; roll: string | null } | null;
  parts: Record<string, number>;
  total: number;
  flags: string[];
  similar_to: string | null;
  notes?: Record<string, string>;
}

export function freeformLabels(dir = FREEFORM_DIR): FreeformLabel[] {
  return readdirSync(dir)
    .filter((f) => /^labels-\d+\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FreeformLabel[]);
}

interface Graded {
  file: string;
  error?: string;
  student?: { name: string | null; roll: string | null } | null;
  parts?: Record<string, { score: number; review: boolean; reasons: string[] }>;
  flags?: string[];
}

export interface FreeformScore {
  rows: Record<string, { parts: number; auto: number; right: number; scripts: number }>;
  confidentErrors: string[];
  flags: { found: number; expected: number; extra: number; extraList: string[]; missedList: string[] };
  rolls: { right: number; of: number; wrongStudent: string[] };
  correctWorkZeroed: string[];
}

/**
 * Scores a grade run against the labels: per format, parts auto-graded and right when auto-graded,
 * every confident error, flags found and extra, roll numbers, and correct answers given 0 without
 * review (the worst error a TA can find).
 */
export function scoreFreeform(labels: FreeformLabel[], graded: Graded[]): FreeformScore {
  const byFile = new Map(graded.map((g) => [basename(g.file), g]));
  const out: FreeformScore = {
    rows: {},
    confidentErrors: [],
    flags: { found: 0, expected: 0, extra: 0, extraList: [], missedList: [] },
    rolls: { right: 0, of: 0, wrongStudent: [] },
    correctWorkZeroed: [],
  };
  for (const l of labels) {
    const g = byFile.get(l.file);
    out.rows[l.format] ??= { parts: 0, auto: 0, right: 0, scripts: 0 };
    const row = out.rows[l.format];
    row.scripts++;
    if (l.student?.roll) {
      out.rolls.of++;
      if (g?.student?.roll?.toUpperCase() === l.student.roll.toUpperCase()) out.rolls.right++;
    }
    if (g?.student?.roll && g.student.roll.toUpperCase() !== (l.student?.roll ?? '').toUpperCase())
      out.rolls.wrongStudent.push(`${l.file}: given to ${g.student.roll}`);
    const want = new Set(l.flags);
    const got = new Set(g?.flags ?? []);
    for (const f of want) {
      out.flags.expected++;
      if (got.has(f)) out.flags.found++;
      else out.flags.missedList.push(`${l.file}:${f}`);
    }
    for (const f of got)
      if (!want.has(f)) {
        out.flags.extra++;
        out.flags.extraList.push(`${l.file}:${f}`);
      }
    for (const [pid, score] of Object.entries(l.parts)) {
      row.parts++;
      const p = g?.parts?.[pid];
      if (!p) {
        out.confidentErrors.push(`${l.file}:${pid} missing (${g?.error ?? 'no part'})`);
        continue;
      }
      if (p.review) continue;
      row.auto++;
      if (Math.abs(p.score - score) <= 0.01) row.right++;
      else {
        out.confidentErrors.push(`${l.file}:${pid} got ${p.score} want ${score}: ${p.reasons.join(' | ')}`);
        if (p.score === 0 && score > 0) out.correctWorkZeroed.push(`${l.file}:${pid}`);
      }
    }
  }
  return out;
}

export function formatFreeformScore(s: FreeformScore): string {
  const lines = [
    '| format | scripts | parts | auto-graded | right when auto-graded |',
    '|---|---|---|---|---|',
  ];
  const total = { parts: 0, auto: 0, right: 0, scripts: 0 };
  for (const [f, r] of Object.entries(s.rows).sort()) {
    for (const k of ['parts', 'auto', 'right', 'scripts'] as const) total[k] += r[k];
    lines.push(row(f, r));
  }
  lines.push(row('all', total));
  lines.push(
    '',
    `flags: ${s.flags.found}/${s.flags.expected} found, ${s.flags.extra} extra${s.flags.extraList.length ? ` (${s.flags.extraList.join(', ')})` : ''}${s.flags.missedList.length ? `; missed ${s.flags.missedList.join(', ')}` : ''}`,
    `roll numbers: ${s.rolls.right}/${s.rolls.of} read and matched; scripts given to another student: ${s.rolls.wrongStudent.length}${s.rolls.wrongStudent.length ? ` (${s.rolls.wrongStudent.join(', ')})` : ''}`,
    `confident errors: ${s.confidentErrors.length}; correct answers given 0 without review: ${s.correctWorkZeroed.length}`,
    ...s.confidentErrors.map((e) => `  - ${e}`),
  );
  return lines.join('\n');
  function row(f: string, r: { parts: number; auto: number; right: number; scripts: number }) {
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
    return `| ${f} | ${r.scripts} | ${r.parts} | ${pct(r.auto, r.parts)} | ${pct(r.right, r.auto)} (${r.right}/${r.auto}) |`;
  }
}
