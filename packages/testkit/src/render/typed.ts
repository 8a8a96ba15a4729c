import type PDFDocument from 'pdfkit';
import type { Rng } from '../rng.ts';
import { dejavu, TYPED_FONTS } from './fonts.ts';
import { type Geometry, type Item, layout, type MarkupMode } from './layout.ts';

/** A4 in points */
export const A4 = { width: 595.28, height: 841.89 };

export interface TypedStyle {
  font: (typeof TYPED_FONTS)[number];
  fontSize: number;
  lineFactor: number;
  margin: number;
  footer: 'Page N' | 'N' | '- N -' | 'none';
  mode: MarkupMode;
}

export function randomTypedStyle(rng: Rng): TypedStyle {
  return {
    font: rng.pick(TYPED_FONTS),
    fontSize: rng.pick([10, 10.5, 11, 11.5, 12]),
    lineFactor: rng.range(1.3, 1.6),
    margin: rng.int(50, 80),
    footer: rng.pick(['Page N', 'N', '- N -', 'none'] as const),
    // plain-text typists write C_{t-1}; office users get real subscripts
    mode: rng.chance(0.65) ? 'literal' : 'visual',
  };
}

export function footerText(style: TypedStyle['footer'], n: number): string | null {
  if (style === 'none') return null;
  return style === 'Page N' ? `Page ${n}` : style === 'N' ? String(n) : `- ${n} -`;
}

/** Draw items onto new A4 pages of `doc`; returns the number of pages added. */
export function drawTyped(
  doc: PDFKit.PDFDocument,
  items: Item[],
  st: TypedStyle,
  firstPageNo: number,
): number {
  doc.registerFont('tk-regular', dejavu(st.font.regular));
  doc.registerFont('tk-bold', dejavu(st.font.bold));
  doc.registerFont('tk-fallback', dejavu('DejaVuSans.ttf'));
  // DejaVu Serif/Mono lack some symbols (∴ ⊙ ⟨ ...): such runs are set in DejaVu Sans, as a word processor would
  const fontFor = (t: string, bold: boolean): string => {
    const name = bold ? 'tk-bold' : 'tk-regular';
    doc.font(name);
    const f = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font
      .font;
    for (const ch of t) {
      const cp = ch.codePointAt(0)!;
      // a combining tilde (C̃) comes out of Serif/Mono as a separate mark that text extraction misplaces
      if (cp === 0x303 || (cp > 0x7f && !f.hasGlyphForCodePoint(cp))) return 'tk-fallback';
    }
    return name;
  };
  const geo: Geometry = {
    width: A4.width,
    height: A4.height,
    left: st.margin,
    right: st.margin,
    top: st.margin,
    bottom: st.margin + 10,
    lineHeight: st.fontSize * st.lineFactor,
    fontSize: st.fontSize,
    indent: 14,
  };
  const measure = (t: string, size: number, bold: boolean) =>
    doc.font(fontFor(t, bold)).fontSize(size).widthOfString(t);
  const pages = layout(items, geo, measure, st.mode);
  pages.forEach((p, k) => {
    doc.addPage({ size: 'A4', margin: 0 });
    for (const r of p.runs) {
      doc
        .font(fontFor(r.text, r.bold))
        .fontSize(r.size)
        .text(r.text, r.x, r.y - r.size * 0.93, { lineBreak: false });
    }
    const f = footerText(st.footer, firstPageNo + k);
    if (f) {
      doc.font('tk-regular').fontSize(9);
      const w = doc.widthOfString(f);
      doc.text(f, (A4.width - w) / 2, A4.height - 36, { lineBreak: false });
    }
  });
  return pages.length;
}

export type { PDFDocument };
