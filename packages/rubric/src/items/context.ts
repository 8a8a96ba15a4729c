// The context items of one part are graded in: the part's answer analysed once, and the readings
// several items share (mappings, terms, derivation) computed when first asked for.
import type { ExtractedScript } from '@grader/model';
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
