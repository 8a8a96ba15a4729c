import { describe, expect, it } from 'vitest';
import { renderTxt } from './freeform.ts';

/** The font names a PDF embeds (its /BaseFont entries; pdfkit writes the object dictionaries uncompressed). */
function fontsOf(pdf: Buffer): string[] {
  return [
    ...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1])),
  ];
}

describe('renderTxt', () => {
  it("sets an equation editor's italic letters (𝑓ₜ, 𝜕𝐿) in DejaVu's maths font, not as empty boxes", async () => {
    const pdf = await renderTxt('∂𝐿⁄∂𝑐ₜ = 𝑓ₜ ⊙ 𝐶₍ₜ₋₁₎\n');
    expect(fontsOf(pdf)).toContain('DejaVuMathTeXGyre-Regular');
    // (a script of plain characters needs only the main font)
    expect(fontsOf(await renderTxt('C_t = f_t * C_{t-1}\n'))).toEqual(['DejaVuSans']);
  });
});
