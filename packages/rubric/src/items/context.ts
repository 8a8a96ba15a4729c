// The context items of one part are graded in: the part's answer analysed once, and the readings
// several items share (mappings, terms, derivation) computed when first asked for.
import type { ExtractedScript, PartAnswer } from '@grader/model';
import { findMappings } from '@grader/parse';
import type { GradingContext } from '../context.ts';
import { analyse, type Evidence, readByOcr } from '../evidence.ts';
import type { MappingItem, Part } from '../schema.ts';
import { derivationShown } from '../working.ts';
import { calledPositions } from './mapping.ts';
import { derivedSymbol, gradeTerms, type TermsFound } from './term.ts';
import type { ItemContext } from './types.ts';

const once = <T>(make: () => T): (() => T) => {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = make();
      done = true;
    }
    return v;
  };
};

export function itemContext(
  part: Part,
  ev: Evidence,
  script: ExtractedScript,
  grading: GradingContext,
  answers: Map<string, unknown>,
): ItemContext {
  return {
    part,
    ev,
    grading,
    answers,
    ocr: readByOcr(ev.answer, script),
    // each part is graded on its own answer; the siblings are read only for working computed there
    siblings: once(() => {
      const q = part.id.match(/^\d+/)?.[0];
      return Object.values(script.parts)
        .filter((p) => p.partId !== part.id && p.partId.match(/^\d+/)?.[0] === q && p.text.trim())
        .map((p) => ({ id: p.partId, ev: analyse(p) }));
    }),
    above: once(() => linesAbove(ev.answer, script)),
    mappings: once(() => findMappings(ev.lines)),
    calledPositions: once(() =>
      calledPositions(
        ev.lines,
        part.items.filter((i): i is MappingItem => i.type === 'mapping'),
      ),
    ),
    terms: once((): TermsFound => gradeTerms(part, ev)),
    derivation: once(() => derivationShown(ev, derivedSymbol(part))),
  };
}

/**
 * The closing lines of another question's answer when its last stands right above an answer's first
 * line, in its column (the line before it): a question's introduction read as the answer before
 * ("Ingredients: dim x_t = 2, …" closing 2(b), over "III (a) W_f: 3 × 5"). Empty where the line above
 * is none, a sibling's (a reason written under 3(a) is 3(a)'s, as the course's graders read it), or
 * not where another answer ends.
 */
function linesAbove(answer: PartAnswer, script: ExtractedScript): string {
  const first = answer.lines[0];
  if (!first) return '';
  const q = (id: string) => id.match(/^\d+/)?.[0];
  const near = (l: (typeof answer.lines)[number]) =>
    l.page === first.page &&
    l.box.y < first.box.y - first.box.h / 2 &&
    l.box.y > first.box.y - 2 * first.box.h &&
    l.box.x < first.box.x + first.box.w &&
    l.box.x + l.box.w > first.box.x;
  for (const p of Object.values(script.parts)) {
    if (q(p.partId) === q(answer.partId)) continue;
    const last = p.lines.slice(-2);
    if (last.length && near(last[last.length - 1])) return last.map((l) => l.text).join(' ');
  }
  return '';
}
