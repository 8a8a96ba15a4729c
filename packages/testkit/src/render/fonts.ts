import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** DejaVu (typed pages): has ⊙ × σ ∂ ∏ ᵀ, which the PDF standard fonts lack */
export function dejavu(file: string): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
}

export const TYPED_FONTS = [
  { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
  { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' },
  { regular: 'DejaVuSansMono.ttf', bold: 'DejaVuSansMono-Bold.ttf' },
];

/** handwriting-style families from @fontsource (woff2, loaded by @napi-rs/canvas), with a size factor */
export const HAND_FONTS: { family: string; scale: number }[] = [
  { family: 'caveat', scale: 1.25 },
  { family: 'patrick-hand', scale: 1.05 },
  { family: 'kalam', scale: 0.95 },
  { family: 'indie-flower', scale: 1.0 },
  { family: 'architects-daughter', scale: 0.92 },
  { family: 'gloria-hallelujah', scale: 0.88 },
  { family: 'shadows-into-light', scale: 1.05 },
];

export function handFontPath(family: string): string {
  return join(
    dirname(require.resolve(`@fontsource/${family}/package.json`)),
    'files',
    `${family}-latin-400-normal.woff2`,
  );
}
