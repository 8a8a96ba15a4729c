// The item types of the rubric (schema.ts `Item`), each graded by its own handler.
import type { Item } from '../schema.ts';
import { concept } from './concept.ts';
import { expression } from './expression.ts';
import { mapping } from './mapping.ts';
import { sum } from './sum.ts';
import { term } from './term.ts';
import type { ItemContext, ItemHandler, ItemResult } from './types.ts';
import { value } from './value.ts';

type Handlers = { [T in Item['type']]: ItemHandler<Extract<Item, { type: T }>> };

/** One handler per item type of the rubric YAML. */
export const ITEM_HANDLERS: Handlers = { mapping, value, expression, term, sum, concept };

/** Grade one item with its type's handler. */
export function gradeItem(item: Item, ctx: ItemContext): ItemResult {
  return (ITEM_HANDLERS[item.type] as ItemHandler).grade(item, ctx);
}

export { unrecognisedExplanation } from './concept.ts';
export { itemContext } from './context.ts';
export { garbledMapping } from './mapping.ts';
export {
  brokenBracket,
  derivedSymbol,
  ownNameReading,
  termForLastStep,
  unknownTerms,
  unreadableExpression,
  unreadFractions,
} from './term.ts';
export type { ItemContext, ItemHandler, ItemResult, PartDoubt, PartOutcome } from './types.ts';
export { workForOneNotAnother } from './value.ts';
