// An equation's tag names it — "(4)", "(2.1)", "(IV.3)", "(E1)", "(Eq. 2)", "(4a)", "(ii)", "(*)" — and is
// no factor of it: read as maths, "= 72   (5)" would multiply. One pattern for the tag's name, used where
// maths is normalised (parse) and where a part's lines are read for evidence (rubric).

/** A tag's name between its brackets: a number, numbered by section or lettered, roman, or starred. */
// (or one capital before its number, a script's own series of tags: "(F10)", "(L3)")
const EQUATION_TAG_NAME = String.raw`(?:(?:E|Eq|Eqn)\.?[ \t]?)?(?:[IVX]{1,4}\.|\d{1,2}\.)?\d{1,2}[a-h]?|[A-Z]\d{1,2}|i{1,3}|iv|vi{1,3}|\*{1,2}`;

/** A tag in its brackets. */
export const EQUATION_TAG = String.raw`\((?:${EQUATION_TAG_NAME})\)`;
