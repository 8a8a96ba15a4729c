import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCorpus } from '../corpus.ts';
import { Rng } from '../rng.ts';
import { lineToLatex, randomLatexStyle, scriptToLatex, toLatexMath } from './latex.ts';
import { scriptToFodt } from './office.ts';
import { renderOfficeBatch, renderScriptPdf } from './pdf.ts';
import { findTool, hasTool } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'testkit-lo-'));
const hasPdftotext = hasTool('pdftotext');
const hasLatex = hasTool('pdflatex');
const hasOffice = findTool('soffice', 'libreoffice') !== null;
if (!hasLatex)
  console.warn(
    'testkit: pdflatex not installed, LaTeX rendering tests skipped (apt-get install -y texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern)',
  );
if (!hasOffice)
  console.warn(
    'testkit: libreoffice not installed, office rendering tests skipped (apt-get install -y libreoffice-writer-nogui)',
  );

function pdftotext(pdf: Buffer): string {
  const f = join(dir, `x${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
}

const style = { frac: true, top: true };

describe('latex source', () => {
  it('markup and Unicode become LaTeX math', () => {
    expect(toLatexMath('f_t ⊙ C_{t-1}', style)).toBe('f_t \\odot  C_{t-1}');
    expect(toLatexMath('∂L/∂c_t', style)).toBe('\\frac{\\partial L}{\\partial c_t}');
    expect(toLatexMath('dL/dc_{t+1}', { frac: false, top: true })).toBe('dL/dc_{t+1}');
    expect(toLatexMath('tanh²(c_t)', style)).toBe('\\tanh^2(c_t)');
    expect(toLatexMath('s_{k-1}ᵀ h_j', style)).toBe('s_{k-1}^\\top  h_j');
    expect(toLatexMath('R^{3×5}', style)).toBe('\\mathbb{R}^{3\\times 5}');
    expect(toLatexMath('prod_{t=2}^{T} f_t', style)).toBe('\\prod_{t=2}^{T} f_t');
    expect(toLatexMath('C̃_t = {0.5, 0}', style)).toBe('\\tilde{C}_t = \\{0.5, 0\\}');
    expect(toLatexMath('3,088,878', style)).toBe('3{,}088{,}878');
  });
  it('prose stays text, runs of mathematics go in dollars', () => {
    const st = { ...randomLatexStyle(new Rng(1)), frac: false, top: true, display: false };
    expect(lineToLatex('c_t affects L via h_t, so 100% sure', st)).toBe(
      '$c_t$ affects $L$ via $h_t,$ so $100\\%$ sure',
    );
  });
  it('every script compiles to a document with its labels', () => {
    const c = planCorpus({ seed: 4, count: 6, formats: ['latex'] });
    for (const s of c.scripts) {
      const tex = scriptToLatex(s, randomLatexStyle(new Rng(s.renderSeed)));
      expect(tex).toMatch(/\\begin\{document\}[\s\S]*\\end\{document\}/);
      for (const b of s.blocks) expect(tex).toContain(b.label.replace(/[&%#]/g, ''));
    }
    expect(c.expected.every((e) => e.format === 'latex')).toBe(true);
  });
});

describe('office source', () => {
  it('subscripts are real subscript spans', () => {
    const s = planCorpus({ seed: 4, count: 1, formats: ['office'] }).scripts[0];
    const x = scriptToFodt(s, {
      font: 'Liberation Serif',
      size: 11,
      labelInline: false,
      indent: true,
      spaceAfter: 0,
    });
    expect(x).toContain('<text:span text:style-name="sub">');
    for (const b of s.blocks) expect(x).toContain(b.label.replace(/&/g, '&amp;'));
  });
});

describe('latex and office PDFs', () => {
  it.runIf(hasLatex && hasPdftotext)('pdflatex output holds the labels and the numbers', async () => {
    const s = planCorpus({ seed: 4, count: 2, formats: ['latex'] }).scripts[0];
    const text = pdftotext(await renderScriptPdf(s));
    for (const b of s.blocks) expect(text).toContain(b.label);
    expect(text).toContain(s.student?.roll ?? '');
  });
  it.runIf(hasOffice && hasPdftotext)(
    'LibreOffice output holds the labels and the answer words',
    async () => {
      const scripts = planCorpus({ seed: 4, count: 2, formats: ['office'] }).scripts;
      const pdfs = renderOfficeBatch(scripts);
      const text = pdftotext(pdfs.get(scripts[0].file)!).replace(/\s+/g, ' ');
      for (const b of scripts[0].blocks) expect(text).toContain(b.label);
      expect(pdfs.size).toBe(2);
    },
    120_000,
  );
});
