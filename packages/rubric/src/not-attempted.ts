// A part the student left, with a word or a note why: no answer to grade, and no place in the order
// the answers were written in.
import { normalizeProse } from '@grader/parse';

// "skipped", "—", "not attempted", "?": a label with nothing under it
// ("Not attempted.", "not attempted (ran out of time)": a short note after it changes nothing)
const NOT_ATTEMPTED =
  /^(?:(?:skip(?:ped)?|not attempted|unattempted|not done|n\/?a|blank|no answer|left blank|don'?t know|do not know|idk|pass)\s*[.!]?\s*(?:\([^()]{0,40}\))?|[-—–_.?\s]*)$/i;
/** A part left with only a note why ("not attempted (ran out of time)", "(Could not finish in time.)"). */
const OUT_OF_TIME =
  /^(?:sorry,?\s*)?(?:i\s+)?(?:not attempted|did ?n[o']?t attempt(?: (?:this|it))?|could ?n[o']?t (?:finish|complete|attempt|do)(?: (?:this|it))?(?: in time)?|ran out of time|no time(?: left)?|not enough time|skipped)(?:[\s,;:.\-—–]+(?:i\s+)?(?:ran out of time|no time(?: left)?|not enough time|in time|due to (?:lack of )?time|time (?:is )?(?:over|up)))*\s*[.!]?$/i;
export function notAttempted(text: string): boolean {
  const said = normalizeProse(text)
    .replace(/[()[\]]/g, '')
    .trim();
  return NOT_ATTEMPTED.test(said) || OUT_OF_TIME.test(said);
}
