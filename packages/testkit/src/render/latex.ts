import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rng } from '../rng.ts';
import type { Script } from '../script.ts';
import { requireTool } from './tools.ts';

/**
 * LaTeX answer scripts: the variant text (markup `C_{t-1}`, Unicode ⊙ ∂ …) rewritten as a LaTeX
 * user types it (`$f_t \odot C_{t-1}$`, `\frac{\partial L}{\partial c_t}`, `\tanh^2`), compiled with
 * pdflatex. pdfTeX's text layer is what the grader must read: subscripts as separate glyph runs,
 * stacked fractions over two lines, ⊤ and ∏ glyphs.
 */
export interface LatexStyle {
  label: 'section' | 'bold' | 'item';
  /** ∂L/∂c_t as \frac (else inline ∂L/∂c_t) */
  frac: boolean;
  /** all-math lines set as displays */
  display: boolean;
  /** ^T written as ^\top */
  top: boolean;
  fontSize: '10pt' | '11pt' | '12pt';
  center: boolean;
  pageNumbers: boolean;
  /** Latin Modern with T1 encoding, or the default Computer Modern (OT1) */
  lmodern: boolean;
}

export function randomLatexStyle(rng: Rng): LatexStyle {
  return {
    label: rng.pick(['section', 'bold', 'item'] as const),
    frac: rng.chance(0.7),
    display: rng.chance(0.5),
    top: rng.chance(0.7),
    fontSize: rng.pick(['10pt', '11pt', '12pt'] as const),
    center: rng.chance(0.5),
    pageNumbers: rng.chance(0.6),
    lmodern: rng.chance(0.5),
  };
}

const MATH_CHARS: Record<string, string> = {
  '⊙': '\\odot ',
  '∘': '\\circ ',
  '×': '\\times ',
  '·': '\\cdot ',
  '∂': '\\partial ',
  σ: '\\sigma ',
  α: '\\alpha ',
  '∏': '\\prod',
  Π: '\\prod',
  Σ: '\\sum',
  '∑': '\\sum',
  '⊤': '\\top ',
  '→': '\\to ',
  '⇒': '\\Rightarrow ',
  '≈': '\\approx ',
  '−': '-',
  '∈': '\\in ',
  '′': "'",
  '⟨': '\\langle ',
  '⟩': '\\rangle ',
  '∝': '\\propto ',
  '⌊': '\\lfloor ',
  '⌋': '\\rfloor ',
  '∴': '\\therefore ',
  '—': '\\text{---}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  '~': '\\sim ',
};

const TEXT_CHARS: Record<string, string> = {
  '—': '---',
  '–': '--',
  '’': "'",
  '‘': '`',
  '“': '``',
  '”': "''",
  '…': '\\ldots{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '\\': '\\textbackslash{}',
  _: '\\_',
  '^': '\\^{}',
};

const MATH_SYMBOL = /[_^⊙∘×·∂σ∏ΠΣ∑ᵀ⊤²→⇒≈=+−*/<>∈ŷ′⟨⟩α∝⌊⌋∴\d]|\u0303/;
const MATH_WORD = /^(tanh|sigma|diag|prod|sech|exp|sum|log|[b-zB-HJ-Z]|[A-Z]~|Ctilde)$/;

/** Is this whitespace-separated token mathematics (else prose)? */
function isMath(tok: string): boolean {
  const core = tok.replace(/^[([{"']+|[)\]}.,;:!?"']+$/g, '');
  if (!core) return /[()[\]{}]/.test(tok) && tok.length === 1;
  if (/^\d+-[a-z]+$/.test(core) || /^[A-Za-z]+[.,;:]?$/.test(core)) return MATH_WORD.test(core);
  return MATH_SYMBOL.test(core) || MATH_WORD.test(core);
}

/** Read `_{...}` / `^{...}` markup groups: the index after the matching brace. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** one run of mathematics (markup + Unicode) as LaTeX math source, without the dollars */
export function toLatexMath(src: string, st: Pick<LatexStyle, 'frac' | 'top'>): string {
  // braces we add are written as \u0001 / \u0002 so that a student's own set braces can be escaped
  const [o, c] = ['\u0001', '\u0002'];
  // a spaced letter o for the element-wise product is \circ in LaTeX (math mode drops the spaces)
  let s = src.replace(/(?<=\S) o (?=\S)/g, ' ∘ ');
  if (st.frac) {
    const atom = '([A-Za-z](?:_\\{[^}]*\\}|_[A-Za-z0-9])?)';
    s = s.replace(
      new RegExp(`(?<![A-Za-z])(∂|d)${atom}/\\1${atom}`, 'g'),
      (_m, d: string, a: string, b: string) => {
        const p = d === '∂' ? '∂' : 'd';
        return `\\frac${o}${p}${a}${c}${o}${p}${b}${c}`;
      },
    );
  }
  s = s
    .replace(/C\u0303|C~|Ctilde/g, `\\tilde${o}C${c}`)
    .replace(/ŷ/g, `\\hat${o}y${c}`)
    .replace(/(\d),(?=\d{2,3}\b)/g, `$1${o},${c}`)
    .replace(/tanh²|tanh\^2/g, '\\tanh^2')
    .replace(/(?<!\\)\b(tanh|exp|log)\b/g, '\\$1')
    .replace(/\bsech\b/g, `\\operatorname${o}sech${c}`)
    .replace(/\bdiag\b/g, `\\operatorname${o}diag${c}`)
    .replace(/\bsigma\b/g, '\\sigma ')
    .replace(/\bprod(?=_)/g, '\\prod')
    .replace(/\bsum(?=_)/g, '\\sum')
    .replace(/\bR\^/g, `\\mathbb${o}R${c}^`)
    .replace(/ᵀ|\^⊤|\^T\b/g, st.top ? '^\\top ' : '^T');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      const m = /^\\[A-Za-z]+/.exec(s.slice(i));
      const cmd = m ? m[0] : '\\';
      out += cmd;
      i += cmd.length - 1;
      continue;
    }
    if ((ch === '_' || ch === '^') && s[i + 1] === '{') {
      const end = closing(s, i + 1);
      if (end > 0) {
        out += `${ch}{${toLatexMath(s.slice(i + 2, end), { frac: false, top: st.top })}}`;
        i = end;
        continue;
      }
    }
    if (ch === '{' || ch === '}') out += `\\${ch}`;
    else if (ch === '²') out += '^2';
    else out += MATH_CHARS[ch] ?? ch;
  }
  return out.replaceAll(o, '{').replaceAll(c, '}');
}

function escapeText(s: string): string {
  let out = '';
  for (const ch of s) {
    if (TEXT_CHARS[ch] !== undefined) out += TEXT_CHARS[ch];
    else if (ch.codePointAt(0)! > 126) out += MATH_CHARS[ch] ? `$${MATH_CHARS[ch].trim()}$` : ch;
    else out += ch;
  }
  return out;
}

/** One line of an answer: prose as text, runs of mathematics in $...$ (or a display). */
export function lineToLatex(line: string, st: LatexStyle): string {
  const toks = line.split(/(\s+)/).filter((t) => t.length);
  const words = toks.filter((t) => !/^\s+$/.test(t));
  if (st.display && words.length >= 3 && words.every(isMath) && /=/.test(line))
    return `\\[ ${toLatexMath(line.trim(), st)} \\]`;
  let out = '';
  let math: string[] = [];
  let pendingSpace = '';
  const flush = () => {
    if (math.length) out += `$${toLatexMath(math.join(' '), st)}$`;
    math = [];
  };
  for (const t of toks) {
    if (/^\s+$/.test(t)) {
      pendingSpace = ' ';
      continue;
    }
    if (isMath(t)) {
      if (!math.length) out += pendingSpace;
      math.push(t);
    } else {
      flush();
      out += pendingSpace + escapeText(t);
    }
    pendingSpace = '';
  }
  flush();
  return out.trim();
}

function blockToLatex(label: string, lines: string[], st: LatexStyle): string {
  const lab = escapeText(label);
  const body: string[] = [];
  const table = lines.filter((l) => l.startsWith('\t'));
  const enumerated = lines.length >= 3 && lines.every((l) => /^\(?([ivx]+|[a-f]|\d)[.)]\s/.test(l));
  if (table.length) {
    const rows = table.map((l) => l.split('\t').slice(1));
    const cols = Math.max(...rows.map((r) => r.length));
    body.push(`\\begin{tabular}{${'l'.repeat(cols)}}`, '\\hline');
    rows.forEach((r, k) => {
      body.push(
        `${r.map((c) => lineToLatex(c, { ...st, display: false })).join(' & ')} \\\\${k === 0 ? ' \\hline' : ''}`,
      );
    });
    body.push('\\hline', '\\end{tabular}');
    for (const l of lines.filter((x) => !x.startsWith('\t'))) body.push(`${lineToLatex(l, st)}\\par`);
  } else if (enumerated) {
    body.push('\\begin{enumerate}');
    for (const l of lines) {
      const m = /^(\S+)\s+(.*)$/.exec(l)!;
      body.push(`\\item[${escapeText(m[1])}] ${lineToLatex(m[2], st)}`);
    }
    body.push('\\end{enumerate}');
  } else {
    for (const l of lines) {
      const t = lineToLatex(l, st);
      body.push(t.startsWith('\\[') ? t : `${t}\\par`);
    }
  }
  if (st.label === 'section') return `\\section*{${lab}}\n${body.join('\n')}\n`;
  if (st.label === 'item') return `\\item[\\textbf{${lab}}] ${body.join('\n')}\n`;
  return `\\noindent\\textbf{${lab}}\\par\n${body.join('\n')}\n\\medskip\n`;
}

/** The .tex source of a script. */
export function scriptToLatex(s: Script, st: LatexStyle): string {
  const head = s.headerLines.map((h) => `${escapeText(h)}\\\\`).join('\n');
  const blocks = s.blocks.map((b) => blockToLatex(b.label, b.lines, st)).join('\n');
  return [
    `\\documentclass[${st.fontSize},a4paper]{article}`,
    ...(st.lmodern ? ['\\usepackage[T1]{fontenc}', '\\usepackage{lmodern}'] : []),
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage[margin=2.2cm]{geometry}',
    '\\sloppy',
    st.pageNumbers ? '\\pagestyle{plain}' : '\\pagestyle{empty}',
    '\\begin{document}',
    st.center ? `\\begin{center}\n${head}\n\\end{center}` : `\\noindent ${head}\n\\medskip`,
    st.label === 'item' ? `\\begin{description}\n${blocks}\\end{description}` : blocks,
    '\\end{document}',
    '',
  ].join('\n');
}

let lmodernFound: boolean | undefined;
function hasLmodern(): boolean {
  if (lmodernFound === undefined) {
    try {
      lmodernFound = execFileSync('kpsewhich', ['lmodern.sty'], { encoding: 'utf8' }).trim() !== '';
    } catch {
      lmodernFound = false;
    }
  }
  return lmodernFound;
}

/** Compile a script's LaTeX with pdflatex; throws a clear error when pdflatex is missing. */
export function renderLatexPdf(s: Script, rng: Rng): Buffer {
  requireTool('pdflatex', 'texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern');
  const st = randomLatexStyle(rng);
  // Latin Modern is Debian's separate `lmodern` package: without it, Computer Modern
  if (st.lmodern && !hasLmodern()) st.lmodern = false;
  const tex = scriptToLatex(s, st);
  const dir = mkdtempSync(join(tmpdir(), 'tk-latex-'));
  try {
    writeFileSync(join(dir, 'script.tex'), tex);
    try {
      execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'script.tex'], {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, SOURCE_DATE_EPOCH: '1615809600', FORCE_SOURCE_DATE: '1' },
      });
    } catch (e) {
      const log = readFileSync(join(dir, 'script.log'), 'utf8');
      const err = log.split('\n').filter((l) => l.startsWith('!'))[0] ?? String(e);
      throw new Error(`pdflatex failed on ${s.file}: ${err}\n--- source ---\n${tex}`);
    }
    return readFileSync(join(dir, 'script.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
