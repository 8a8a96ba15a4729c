// @grader/parse: values out of answer text. See README.md for the API.

export { joinAsciiColumns } from './ascii-columns.ts';
export { type FoundDimension, findDimensions, sameShape } from './dimensions.ts';
export { editsWithin } from './edits.ts';
export { EQUATION_TAG } from './equation-tags.ts';
export {
  additiveTerms,
  type EquivalenceOptions,
  type Expr,
  ExprError,
  equivalent,
  evaluate,
  evaluateNumeric,
  parseExpr,
  printExpr,
  randomEnv,
  substitute,
  symbolsOf,
  tryParseExpr,
  type Value,
} from './expr.ts';
export {
  type LayoutLine,
  type LayoutWord,
  linearizeColumnVectors,
  linearizeFractions,
  subscriptsToTheirBase,
} from './layout.ts';
export { APPENDIX_HEADING, headedLists, LIST_HEADING, type ListItem, ordinal } from './lists.ts';
export { fixOcrDigits, foldOperatorLines, normalizeMath, normalizeProse } from './normalize.ts';
export { closeTo, type FoundNumber, findNumbers, ocrDigitsInText, parseNumber } from './numbers.ts';
export { escapeRegExp } from './regex.ts';
export {
  type Equation,
  type EquationSide,
  findEnumeratedAnswers,
  findEquations,
  findMappings,
  findNumberWords,
  logicalLines,
  type Mapping,
  type MathRun,
  mathRuns,
} from './statements.ts';
export { FUNCTIONS, symbolName, type Token, tokenize } from './tokens.ts';
export { type FoundVector, findVectors, lastVector } from './vectors.ts';
