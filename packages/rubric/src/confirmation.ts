// Where an OCR'd answer starts is often read with doubt (a handwritten `1. (a)` comes back as
// `1. (o)`, a relative `ii.` is placed by exam order). When the part's own content earns every mark
// on answers specific to it — a vector, a shape, a multi-digit count, most of a mapping, a full
// derivation — the content itself says the block is this part's: the label's doubt no longer
// counts, while the words' own OCR confidence still does. Only full marks confirm: a part that
// loses marks on OCR'd text goes to a person anyway (the `lostOnOcr` doubt in grade.ts).
import type { PartAnswer } from '@grader/model';
import type { ItemResult } from './items/index.ts';
import { asNumbers } from './keys.ts';
import type { Part } from './schema.ts';

/** A label whose part was moved here by what it mentions: content confirming it would be circular. */
const MOVED_LABEL_CONF = 0.3;
/** How much specific content confirms a part (a vector or a shape is 2, a mapping position 0.5). */
const CONFIRMS = 2;

/** How specific one fully credited item's answer is: what an OCR misread would not produce by chance. */
function specificity(item: Part['items'][number], result: ItemResult): number {
  if (result.awarded < result.max || result.max <= 0) return 0;
  switch (item.type) {
    case 'mapping':
      return 0.5;
    case 'expression':
      return 2;
    case 'value': {
      const nums = asNumbers(result.value) ?? [];
      if (nums.length >= 2) return 2;
      // one number: specific when it has two digits or a decimal ("72", "3,088,878", "0.6044")
      return nums.some((n) => Math.abs(n) >= 10 || !Number.isInteger(n)) ? 2 : 0;
    }
    default:
      return 1;
  }
}

/**
 * The answer's confidence once its content has been graded: the words' confidence alone when
 * full marks on specific content confirm where the part was found, else the answer's own.
 */
export function confirmedConfidence(
  part: Part,
  answer: PartAnswer,
  results: ItemResult[],
  score: number,
): number {
  if (answer.labelConf >= 1 || answer.labelConf <= MOVED_LABEL_CONF || score < part.points)
    return answer.conf;
  // On OCR'd lines the content says which part, not which lines are its:
  // (met in two places, one label guessed, which block's words earned the working is not known —
  // "3.a" read as "30" puts 3(a)'s reasoning under 3(b); nor where a mark rests on a reason in words —
  // a guessed label's block may start among the part before's reasons, "same dimension as c_t, 3"
  // read as 3(b)'s, or end in the next one's, "W_f + b_f = 15 + 3" from 3(c))
  const ocr = answer.lines.some((l) => l.conf < 1);
  if (ocr && (answer.occurrences > 1 || results.some((r) => r?.shownBy === 'reason'))) return answer.conf;
  const specific = part.items.reduce((s, item, i) => s + specificity(item, results[i]), 0);
  if (specific < CONFIRMS) return answer.conf;
  return Math.min(1, answer.conf / answer.labelConf);
}
