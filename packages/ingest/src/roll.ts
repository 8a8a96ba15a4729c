// Roll numbers (IIT Kharagpur style, e.g. 20CS10042: 2 digits, 2 letters, 5 digits) and the OCR
// confusions between digits and letters that make them hard to read.

export const ROLL_PATTERN = /^[0-9]{2}[A-Z]{2}[0-9]{5}$/;

const TO_DIGIT: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  L: '1',
  T: '7',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  A: '4',
};
const TO_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
  '7': 'T',
};

/** Forces a 9-character reading into the roll pattern, position by position. */
export function coerceRoll(raw: string): string | null {
  const s = raw.replace(/[\s.\-–—]/g, '');
  if (s.length !== 9) return null;
  let out = '';
  for (let i = 0; i < 9; i++) {
    const c = s[i];
    const letterPos = i === 2 || i === 3;
    if (letterPos) {
      const u = /[A-Za-z]/.test(c) ? c.toUpperCase() : TO_LETTER[c];
      if (!u) return null;
      out += u;
    } else {
      const d = /[0-9]/.test(c) ? c : TO_DIGIT[c];
      if (!d) return null;
      out += d;
    }
  }
  return ROLL_PATTERN.test(out) ? out : null;
}

/** Pairs of characters OCR mixes up: substituting one for the other costs half an edit. */
const CONFUSABLE = new Set([
  '0O',
  '0D',
  '0Q',
  '1I',
  '1L',
  'IL',
  '1T',
  '17',
  '2Z',
  '5S',
  '8B',
  '6G',
  '4A',
  '7T',
  '38',
  '69',
  '35',
  'MN',
  'MW',
  'HN',
  'EF',
  'CG',
  'UV',
  'IJ',
]);
/** True when OCR commonly reads one of these characters as the other. */
export function isOcrConfusion(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return CONFUSABLE.has(x + y) || CONFUSABLE.has(y + x);
}
/** A substitution's cost where OCR confusions cost half. */
export function ocrSubstitution(a: string, b: string): number {
  if (a === b) return 0;
  return isOcrConfusion(a, b) ? 0.5 : 1;
}

/** Edit distance where OCR-confusable substitutions cost 0.5 (both strings uppercased). */
export function ocrDistance(a: string, b: string): number {
  const s = a.toUpperCase();
  const t = b.toUpperCase();
  const prev = new Array<number>(t.length + 1);
  const cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + ocrSubstitution(s[i - 1], t[j - 1]));
    }
    for (let j = 0; j <= t.length; j++) prev[j] = cur[j];
  }
  return prev[t.length];
}

/**
 * A roll number in a piece of text: first a strict reading of the pattern (allowing confusions),
 * then any 8–11 character run of letters and digits with at least four digits.
 */
export function findRoll(text: string): { roll: string; exact: boolean } | null {
  const runs = text.match(/[A-Za-z0-9|!]{8,11}/g) ?? [];
  for (const r of runs) {
    if (ROLL_PATTERN.test(r.toUpperCase())) return { roll: r.toUpperCase(), exact: true };
  }
  for (const r of runs) {
    const c = coerceRoll(r);
    if (c && (r.match(/[0-9]/g)?.length ?? 0) >= 5) return { roll: c, exact: false };
  }
  // spaces inside the number ("20CS 10042")
  const squeezed = text.replace(/(?<=[A-Za-z0-9])\s(?=[A-Za-z0-9])/g, '');
  if (squeezed !== text) {
    for (const r of squeezed.match(/[A-Za-z0-9|!]{9}/g) ?? []) {
      const c = coerceRoll(r);
      if (c && (r.match(/[0-9]/g)?.length ?? 0) >= 5) return { roll: c, exact: false };
    }
  }
  for (const r of runs) {
    if ((r.match(/[0-9]/g)?.length ?? 0) >= 4) return { roll: r.toUpperCase(), exact: false };
  }
  return null;
}
