// Hershey stroke fonts (Debian's hershey-fonts-data): every glyph is a list of pen strokes, so each
// copy of a letter can be drawn differently — jittered vertices, a slant, a pen whose width varies.
// The data is read at generation time only; nothing at test or run time needs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingToolError } from './tools.ts';

export const HERSHEY_DIR = process.env.HERSHEY_FONTS_DIR ?? '/usr/share/hershey-fonts';
export const HERSHEY_INSTALL = 'apt-get install -y hershey-fonts-data';

/** A point of a glyph in Hershey units: x right, y down, baseline at y = 9, cap height 21. */
export type HPoint = [number, number];
export interface Glyph {
  left: number;
  right: number;
  strokes: HPoint[][];
}
export type HersheyFont = Map<string, Glyph>;

export const BASELINE = 9;
export const CAP = 21;

/** Throws a clear error when the Hershey fonts are not installed. */
export function requireHershey(dir = HERSHEY_DIR): void {
  if (!existsSync(join(dir, 'futural.jhf')))
    throw new MissingToolError(
      `the Hershey stroke fonts are not installed (no ${dir}/futural.jhf): ${HERSHEY_INSTALL}` +
        ' (or set HERSHEY_FONTS_DIR to a folder of .jhf files)',
    );
}

/** Parses a .jhf file: records of a 5-digit id, a 3-digit pair count, then coordinate pairs. */
export function parseJhf(text: string): Glyph[] {
  const s = text.replace(/\r?\n/g, '');
  const out: Glyph[] = [];
  let i = 0;
  while (i + 8 <= s.length) {
    const count = Number.parseInt(s.slice(i + 5, i + 8), 10);
    if (!Number.isFinite(count) || count < 1) break;
    const body = s.slice(i + 8, i + 8 + 2 * count);
    i += 8 + 2 * count;
    const v = (c: string) => c.charCodeAt(0) - 82; // 'R'
    const left = v(body[0]);
    const right = v(body[1]);
    const strokes: HPoint[][] = [];
    let cur: HPoint[] = [];
    for (let k = 2; k + 1 < body.length; k += 2) {
      if (body[k] === ' ' && body[k + 1] === 'R') {
        if (cur.length) strokes.push(cur);
        cur = [];
        continue;
      }
      cur.push([v(body[k]), v(body[k + 1])]);
    }
    if (cur.length) strokes.push(cur);
    out.push({ left, right, strokes });
  }
  return out;
}

const cache = new Map<string, HersheyFont>();

/** A font file of the Hershey set (`futural`, `scripts`, `cursive`, `greek`, ...) as ASCII 32–126. */
export function loadHershey(name: string): HersheyFont {
  const hit = cache.get(name);
  if (hit) return hit;
  requireHershey();
  const glyphs = parseJhf(readFileSync(join(HERSHEY_DIR, `${name}.jhf`), 'latin1'));
  if (glyphs.length < 95) throw new Error(`${name}.jhf has ${glyphs.length} glyphs, expected 95`);
  const font: HersheyFont = new Map();
  glyphs.slice(0, 95).forEach((g, k) => {
    font.set(String.fromCharCode(32 + k), g);
  });
  cache.set(name, font);
  return font;
}

// ---- symbols the ASCII faces lack, drawn as strokes in the same units ----

const arc = (cx: number, cy: number, rx: number, ry: number, a0 = 0, a1 = 2 * Math.PI, n = 16) => {
  const pts: HPoint[] = [];
  for (let k = 0; k <= n; k++) {
    const a = a0 + ((a1 - a0) * k) / n;
    pts.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return pts;
};
const mid = 2; // the middle of the x-height band (lower-case letters span y = -5..9)

const SYMBOLS: Record<string, Glyph> = {
  '⊙': { left: -8, right: 8, strokes: [arc(0, mid, 5.5, 5.5), arc(0, mid, 0.8, 0.8, 0, 2 * Math.PI, 6)] },
  '∘': { left: -6, right: 6, strokes: [arc(0, mid, 3, 3)] },
  '×': {
    left: -7,
    right: 7,
    strokes: [
      [
        [-4, -2],
        [4, 6],
      ],
      [
        [4, -2],
        [-4, 6],
      ],
    ],
  },
  '·': { left: -3, right: 3, strokes: [arc(0, mid, 0.8, 0.8, 0, 2 * Math.PI, 6)] },
  '→': {
    left: -9,
    right: 10,
    strokes: [
      [
        [-7, mid],
        [8, mid],
      ],
      [
        [4, mid - 3],
        [8, mid],
        [4, mid + 3],
      ],
    ],
  },
  '⇒': {
    left: -9,
    right: 10,
    strokes: [
      [
        [-7, mid - 2],
        [6, mid - 2],
      ],
      [
        [-7, mid + 2],
        [6, mid + 2],
      ],
      [
        [3, mid - 5],
        [8, mid],
        [3, mid + 5],
      ],
    ],
  },
  '−': {
    left: -7,
    right: 7,
    strokes: [
      [
        [-5, mid],
        [5, mid],
      ],
    ],
  },
  '—': {
    left: -11,
    right: 11,
    strokes: [
      [
        [-9, mid],
        [9, mid],
      ],
    ],
  },
  '⟨': {
    left: -4,
    right: 5,
    strokes: [
      [
        [3, -12],
        [-2, -1.5],
        [3, 9],
      ],
    ],
  },
  '⟩': {
    left: -5,
    right: 4,
    strokes: [
      [
        [-3, -12],
        [2, -1.5],
        [-3, 9],
      ],
    ],
  },
  '⌊': {
    left: -4,
    right: 5,
    strokes: [
      [
        [-1, -12],
        [-1, 9],
        [4, 9],
      ],
    ],
  },
  '⌋': {
    left: -5,
    right: 4,
    strokes: [
      [
        [1, -12],
        [1, 9],
        [-4, 9],
      ],
    ],
  },
  '∂': {
    left: -7,
    right: 8,
    strokes: [
      [
        [-4, -9],
        [-1, -11.5],
        [3, -11],
        [5, -8],
        [5.5, -2],
        [4, 4],
        [1, 8],
        [-2, 9],
        [-5, 7.5],
        [-5.5, 4],
        [-4, 0.5],
        [-1, -1],
        [2, -0.5],
        [5, 1.5],
      ],
    ],
  },
  '∈': {
    left: -7,
    right: 7,
    strokes: [
      [...arc(0, mid, 5, 6, -Math.PI / 2, -1.5 * Math.PI, 12)].map(([x, y]) => [x, y] as HPoint),
      [
        [-5, mid],
        [3, mid],
      ],
    ],
  },
  '′': {
    left: -2,
    right: 3,
    strokes: [
      [
        [1.5, -12],
        [-0.5, -7],
      ],
    ],
  },
  '∴': {
    left: -7,
    right: 7,
    strokes: [
      arc(0, -3, 0.9, 0.9, 0, 2 * Math.PI, 6),
      arc(-4, 6, 0.9, 0.9, 0, 2 * Math.PI, 6),
      arc(4, 6, 0.9, 0.9, 0, 2 * Math.PI, 6),
    ],
  },
  '≈': {
    left: -8,
    right: 8,
    strokes: [
      [
        [-6, -0.5],
        [-3, -2],
        [0, -0.5],
        [3, 1],
        [6, -0.5],
      ],
      [
        [-6, 4.5],
        [-3, 3],
        [0, 4.5],
        [3, 6],
        [6, 4.5],
      ],
    ],
  },
  '∝': {
    left: -8,
    right: 8,
    strokes: [
      [
        [6, -2],
        [2, 3],
        [-1, 6],
        [-4, 6],
        [-5.5, mid],
        [-4, -2],
        [-1, -2],
        [2, 1],
        [6, 6],
      ],
    ],
  },
};

/** Greek and other letters found in another Hershey face (font name, ASCII letter there). */
const BORROWED: Record<string, [string, string]> = {
  α: ['greek', 'a'],
  σ: ['greek', 's'],
  Α: ['greek', 'A'],
  Σ: ['greek', 'S'],
  Π: ['greek', 'P'],
  '∏': ['greek', 'P'],
  '⊤': ['futural', 'T'],
};

/** Characters drawn as another (smaller, raised) character: superscripts and modifiers. */
export const RAISED: Record<string, string> = { '²': '2', ᵀ: 'T' };

/** Accents drawn over the base letter. */
export const ACCENTED: Record<string, { base: string; accent: 'hat' | 'tilde' }> = {
  ŷ: { base: 'y', accent: 'hat' },
  Ŷ: { base: 'Y', accent: 'hat' },
};

/** The glyph for a character in `font`, borrowing symbols and Greek where the face has none. */
export function glyphOf(font: HersheyFont, ch: string): Glyph | null {
  const own = font.get(ch);
  if (own) return own;
  const sym = SYMBOLS[ch];
  if (sym) return sym;
  const b = BORROWED[ch];
  if (b) return loadHershey(b[0]).get(b[1]) ?? null;
  return null;
}

/** Strokes of an accent above a glyph spanning x0..x1, for a base whose top is at `top`. */
export function accentStrokes(kind: 'hat' | 'tilde', x0: number, x1: number, top: number): HPoint[][] {
  const c = (x0 + x1) / 2;
  const y = top - 4;
  if (kind === 'hat')
    return [
      [
        [c - 4, y + 2],
        [c, y - 2],
        [c + 4, y + 2],
      ],
    ];
  return [
    [
      [c - 5, y + 1],
      [c - 2.5, y - 1],
      [c, y],
      [c + 2.5, y + 1],
      [c + 5, y - 1],
    ],
  ];
}
