// Part labels as Bengali- and Hindi-medium schools write them: sub-parts lettered with the first
// consonants of the alphabet (क ख ग घ, ক খ গ ঘ, or romanised "(ka)", "(kha)", "(ga)", "(gha)") for
// (a)-(d), and the word for question (প্রশ্ন, प्रश्न, "Prashna") before its number. Rewritten to the
// plain label in the same length (padding before it), so a label's end is where it was.

const LETTERS: Record<string, string> = {
  क: 'a',
  ख: 'b',
  ग: 'c',
  घ: 'd',
  ক: 'a',
  খ: 'b',
  গ: 'c',
  ঘ: 'd',
  ka: 'a',
  kha: 'b',
  ga: 'c',
  gha: 'd',
};
/** A school letter, romanised or in Devanagari or Bengali. */
const LETTER = 'kha|gha|ka|ga|[कखगघকখগঘ]';
const letter = (w: string) => LETTERS[w.toLowerCase()] ?? LETTERS[w];
/**
 * The digits of India's scripts as plain ones, one for one, each block's at the same place: Devanagari and
 * Bengali ("প্রশ্ন ১", "(খ)(২)"), Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam ("4 x 18 = ௭௨").
 */
export function plainIndianDigits(s: string): string {
  return s.replace(
    /[\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f]/g,
    (c) => String((c.charCodeAt(0) - 0x966) % 0x80),
  );
}
const padded = (text: string, length: number) => ' '.repeat(Math.max(0, length - text.length)) + text;

/**
 * A label line with its school letters and question word in plain form, the same length. A bracketed
 * letter is padded after it where the label is looked for inside the line (`inside`: "… R^3.   (kha) b_f
 * …" cut where its bracket opens).
 */
export function plainSchoolLabels(line: string, inside = false): string {
  return (
    line
      // "(kha)", "(ख)", "(খ)" anywhere: a bracketed letter names a sub-part
      .replace(new RegExp(`\\((${LETTER})\\)`, 'gi'), (m, w: string) =>
        inside ? `(${letter(w)})`.padEnd(m.length) : padded(`(${letter(w)})`, m.length),
      )
      // "kha)" or "kha." opening the line
      .replace(new RegExp(`^(\\s*)(${LETTER})(?=[).])`, 'i'), (_m, sp: string, w: string) =>
        padded(letter(w), sp.length + w.length),
      )
      // "1-kha-ii", "3-ga": after the question's number, between hyphens
      .replace(new RegExp(`^(\\s*)(\\d{1,2})-(${LETTER})(?=-|\\s|$)`, 'i'), (m, _sp, q: string, w: string) =>
        padded(`${q}-${letter(w)}`, m.length),
      )
      // "Prashna 1", "প্রশ্ন ১" (its digits read as plain ones), "प्रश्न 2": question 1, 2
      // (and the word for answer before the number: "উত্তর ৩(গ)", "उत्तर 2", "Uttar 1"; a text layer may
      // give its last letter as a font's private glyph, "উত্ত\uf00f 1(ক)")
      .replace(/^(\s*)(prashna|prashn|uttar|(?:প্রশ্ন|प्रश्न|উত্ত|उत्त)[^\s\d(]*)(?=\s*[.:]?\s*[\d০-৯०-९])/i, (m) =>
        padded('Q', m.length),
      )
      // a question's number in Bengali or Devanagari digits before its letter: "Q ৩(গ)" is "Q 3(c)"
      .replace(
        /^(\s*Q?\s*[.:]?\s*)([০-৯०-९]{1,2})(?=\s*[(.:)-]|\s*$)/,
        (_m, lead: string, n: string) => lead + plainIndianDigits(n),
      )
  );
}
