import { createRequire } from 'node:module';

// The subject's own words as a hurried or dyslexic typist spells them ("gradiant", "vanshing",
// "paramiters", "dementional", "prodcut"): set right before the rubric's ideas are looked for, so an
// explanation is read for what it says. Only the subject's vocabulary is corrected, only a word that is
// not itself one of them, only to the one word of that vocabulary it is nearest (same first letter; one
// edit, or two in a long word), and never a word of English that happens to be near one ("content").

// biome-ignore format: a word list
const VOCABULARY = [
  'gradient', 'gradients', 'vanishing', 'vanish', 'vanishes', 'exploding', 'explode', 'product', 'products',
  'parameter', 'parameters', 'weight', 'weights', 'dimension', 'dimensions', 'dimensional', 'hidden',
  'attention', 'learnable', 'learned', 'multiply', 'multiplied', 'multiplication', 'multiplications',
  'element', 'elementwise', 'derivative', 'derivatives', 'highway', 'additive', 'constant', 'unchanged',
  'shrink', 'shrinks', 'shrinking', 'matrix', 'matrices', 'softmax', 'alignment', 'encoder', 'decoder',
  'similarity', 'depthwise', 'pointwise', 'channel', 'channels', 'padding', 'stride', 'output', 'outputs',
  'input', 'inputs', 'candidate', 'memory', 'dependency', 'dependencies', 'biases', 'forget', 'sigmoid',
  'recursive', 'recursion', 'through', 'because', 'therefore', 'dot', 'vector', 'vectors', 'scalar',
  'context', 'previous', 'gates', 'state', 'states', 'extra', 'additional', 'number', 'total',
];
/** English words (~275,000): a word of its own is never taken for a misspelt one ("content", "status"). */
let english: Set<string> | null = null;
const isEnglish = (word: string) => {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(word);
};
const KNOWN = new Set(VOCABULARY);

/** Edit distance with a swap of two neighbouring letters as one edit ("prodcut"). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The vocabulary word a misspelt word stands for, or null. */
export function subjectWord(word: string): string | null {
  if (word.length < 5 || KNOWN.has(word) || isEnglish(word)) return null;
  const limit = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestD = limit + 1;
  let tie = false;
  for (const v of VOCABULARY) {
    if (v[0] !== word[0] || v.length < 5) continue;
    const d = distance(word, v, limit);
    if (d < bestD) {
      best = v;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie ? best : null;
}

/** Lower-case prose with the subject's misspelt words set right. */
export function withSubjectSpellings(prose: string): string {
  return prose.replace(/\b[a-z]{5,}\b/g, (w) => subjectWord(w) ?? w);
}
