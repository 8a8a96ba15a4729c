// What an item handler is given and returns, and the part-level doubts a handler may contribute.
import type { ExtractedScript, ItemGrade, PartAnswer } from '@grader/model';
import type { findMappings } from '@grader/parse';
import type { GradingContext } from '../context.ts';
import type { Evidence } from '../evidence.ts';
import type { Item, Part, WorkKind } from '../schema.ts';
import type { CalledPosition } from './mapping.ts';
import type { TermsFound } from './term.ts';

/** One item's grade, with what the part-level rules and script-level checks need to know about it. */
export interface ItemResult extends ItemGrade {
  /** matching confidence for this item, [0, 1] */
  conf: number;
  value?: unknown;
  wrong?: string;
  /** a concept surely absent: something else is written in its place (no part-level doubt) */
  absent?: boolean;
  /** a term item's match, for sum items */
  termFound?: boolean;
  /** whether the credit given needed work that was present */
  note?: string;
  /** credit withheld because no working was shown for it: a right value's, a sum's derivation */
  bare?: boolean;
  /** what kind of working earned the credit, when some did */
  shownBy?: WorkKind;
}

/** Everything an item is graded from: its part, the part's answer analysed, and part-level readings. */
export interface ItemContext {
  part: Part;
  ev: Evidence;
  grading: GradingContext;
  /** the values read so far in this script (`1b.i`, `5#depthwise`) and the keys (`key:1b.i`), for ECF */
  answers: Map<string, unknown>;
  /** the other answers to the same question (a table for 1(b) i and ii sits under one of them) */
  siblings: () => Array<{ id: string; ev: Evidence }>;
  /** the text of the few lines set just above the part's first line, whatever answer they were read under */
  above: () => string;
  /** the answer was read by OCR, not from a text layer */
  ocr: boolean;
  /** the part's `name -> position` matches (read once for all mapping items) */
  mappings: () => ReturnType<typeof findMappings>;
  /** the part's variables named in words, by line (`the forget gate is at 3`) */
  calledPositions: () => Map<number, CalledPosition>;
  /** the key's terms found in the part's expression (read once for all term and sum items) */
  terms: () => TermsFound;
  /** whether the part's answer is derived (a chain-rule step), for sum items and caps */
  /** how the part's derivation shows: its steps written, only named in words, or none */
  derivation: () => 'written' | 'words' | null;
}

export interface ItemHandler<T extends Item = Item> {
  type: T['type'];
  grade(item: T, ctx: ItemContext): ItemResult;
}

/** A part graded item by item, before the part-level rules decide on confidence and review. */
export interface PartOutcome {
  part: Part;
  answer: PartAnswer;
  script: ExtractedScript;
  ctx: ItemContext;
  results: ItemResult[];
  /** the part's score after caps */
  score: number;
}

/** A part-level doubt: a confidence ceiling, with the reason said to the grader when there is one. */
export type PartDoubt = (o: PartOutcome) => { conf: number; reason?: string } | null;
