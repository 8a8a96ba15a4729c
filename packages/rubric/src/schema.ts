// The rubric format (exams/<exam>/rubric.yaml), validated with zod. One file expresses a whole
// marking scheme: parts, items, keys (literal or engine-computed), tolerances, alternatives with
// credit, "work must be shown", caps, error carried forward, expression and concept items.
import { z } from 'zod';

/**
 * A key: typed in (`literal`) or computed by the engine (`engine`: an entry of computeKeys, dotted
 * path: `3c`, `5.depthwise_output`, `3c.weights_only`), optionally rounded (`round`: decimal places,
 * element by element: `{ engine: "1b.ii", round: 1 }` is [0.6, 0, 0] when the key is [0.6044, 0, 0]).
 */
export const KeyRef = z.union([
  z.object({ literal: z.unknown() }).strict(),
  z.object({ engine: z.string().min(1), round: z.number().int().min(0).max(12).optional() }).strict(),
]);
export type KeyRef = z.infer<typeof KeyRef>;

export const Tolerance = z
  .object({
    abs: z.number().min(0).optional(),
    rel: z.number().min(0).optional(),
    /** vectors: each element within the tolerance (true), or the whole vector by its largest difference */
    perElement: z.boolean().default(true),
  })
  .strict();

/** What counts as work for a part or item. */
export const WorkKind = z.enum([
  /** arithmetic on the page that evaluates to the answer or a component of it: `1×0.2 + 1×0.5 = 0.7` */
  'computation',
  /** the item's formula stated (`C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t`) */
  'formula',
  /** a stated reason matching one of `reasons` */
  'reason',
  /** a chain-rule / derivation step (partial derivatives multiplied, intermediate derivatives, "chain rule") */
  'derivation',
]);
export type WorkKind = z.infer<typeof WorkKind>;

export const Work = z
  .object({
    required: z.boolean(),
    /** any one of these kinds counts as work */
    counts: z.array(WorkKind).default([]),
    /** regular expressions (case-insensitive, on normalised prose) that count as a stated reason */
    reasons: z.array(z.string()).default([]),
    /** any explanation in words counts as the reason (a clause of six or more words with a connective) */
    anyExplanation: z.boolean().default(false),
    /**
     * quantities whose size, stated as the answer's value, is the reason (`h_t ∈ R^3` for a bias of 3):
     * one-letter symbols (with any subscript) or words
     */
    sizeOf: z.array(z.string()).default([]),
    /** how to tell the student what was missing: "the element-wise computation" */
    describe: z.string().default('the supporting working'),
  })
  .strict();
export type Work = z.infer<typeof Work>;

/** An argument of an error-carried-forward computation. */
export const Arg = z.union([
  z.object({ literal: z.unknown() }).strict(),
  z.object({ param: z.string() }).strict(),
  z.object({ key: z.string() }).strict(),
  /** the student's own value for another item: "3a" (the part's first value item) or "5#depthwise" */
  z.object({ answer: z.string() }).strict(),
]);
export type Arg = z.infer<typeof Arg>;

export const Ecf = z
  .object({
    /** a named computation of the rubric package (see ecf.ts) */
    compute: z.string(),
    args: z.record(z.string(), Arg),
    /** which output of the computation this item compares with (for computations with several outputs) */
    output: z.string().optional(),
    credit: z.number().min(0),
    reason: z.string(),
  })
  .strict();
export type Ecf = z.infer<typeof Ecf>;

const ItemBase = {
  id: z.string().min(1),
  label: z.string().min(1),
  points: z.number().positive(),
};

/** An alternative's value: a key reference (`{ engine: "3c.weights_only" }`), or a value typed in (a literal). */
const AlternativeValue = z
  .union([KeyRef, z.number(), z.string(), z.array(z.unknown())])
  .transform((v): KeyRef => (typeof v === 'object' && !Array.isArray(v) ? v : { literal: v }));

export const Alternative = z
  .object({
    value: AlternativeValue,
    credit: z.number().min(0),
    /** said to the student; a template like every text of the rubric (`{{3c.weights_only}}`) */
    reason: z.string(),
    /** the alternative earns its credit only with work shown (default: the item's rule) */
    needsWork: z.boolean().optional(),
    /** how close the answer must be to this alternative (default: the item's tolerance) */
    tolerance: Tolerance.optional(),
  })
  .strict();

export const MappingItem = z
  .object({
    ...ItemBase,
    type: z.literal('mapping'),
    /** how the variable is named, in ASCII math (`f_t`, `C_{t-1}`, `C~_t`) */
    names: z.array(z.string()).min(1),
    /** the item's place in the question's own enumeration (i. = 1): answers written `(i) 3  (ii) 4` */
    position: z.number().int().min(1).optional(),
    /** what the variable is called in words (`forget gate`): `the forget gate is at 3` maps it */
    called: z.array(z.string()).default([]),
    key: KeyRef,
  })
  .strict();

export const ValueItem = z
  .object({
    ...ItemBase,
    type: z.literal('value'),
    shape: z.enum(['number', 'vector', 'dimension']),
    /** variables whose value the item asks for (`C_t`); helps pick the answer out of the working */
    names: z.array(z.string()).default([]),
    /** words or phrases that introduce this value in prose (`depthwise`, `pointwise output`) */
    cues: z.array(z.string()).default([]),
    key: KeyRef,
    tolerance: Tolerance.default({ perElement: true }),
    alternatives: z.array(Alternative).default([]),
    /** the formula whose value is asked for, in ASCII math; enables the "right formula, slip" rule */
    formula: z.string().optional(),
    slip: z
      .object({ credit: z.number().min(0), reason: z.string() })
      .strict()
      .optional(),
    ecf: Ecf.optional(),
    /**
     * The key's own computation, for its intermediate values only (no credit of its own): written on
     * the way to a right answer (the element-wise products f_t ⊙ C_{t-1}, i_t ⊙ C~_t as vectors),
     * they are its working. An item with `ecf` takes its steps from that computation.
     */
    steps: z
      .object({ compute: z.string(), args: z.record(z.string(), Arg) })
      .strict()
      .optional(),
    /** a shape stated the other way round (`5 × 3`) with the convention said: credit */
    transposed: z
      .object({
        credit: z.number().min(0),
        when: z.array(z.string()).min(1),
        /** said after the shape when no convention is stated: "is the wrong way round for W_f [h_{t-1}, x_t] …" */
        unstated: z.string().default('is the wrong way round (no transposed convention stated)'),
      })
      .strict()
      .optional(),
    /** a count stated in words ("no additional parameters") is read as a number */
    numberWords: z.boolean().default(false),
    /** a partial credit when one of these components of a compound key is right and shown */
    components: z
      .object({ keys: z.array(KeyRef).min(1), credit: z.number().min(0), reason: z.string() })
      .strict()
      .optional(),
    /** overrides the part's work rule for this item */
    work: Work.optional(),
  })
  .strict();

export const TermItem = z
  .object({
    ...ItemBase,
    type: z.literal('term'),
    /** the left-hand side the answer defines (`dL/dc_t`) */
    of: z.string(),
    /** the term of the key expression this item stands for */
    expr: z.string(),
    alternatives: z
      .array(z.object({ expr: z.string(), credit: z.number().min(0), reason: z.string() }).strict())
      .default([]),
  })
  .strict();

export const SumItem = z
  .object({
    ...ItemBase,
    type: z.literal('sum'),
    /** the term items that must all be present, added */
    of: z.array(z.string()).min(2),
    /** the combination must be derived (chain rule), not only written down */
    needsDerivation: z.boolean().default(true),
    /** the reasons given: the terms added and derived, added but not derived, not all present and added */
    right: z.string().default('the terms are added, derived'),
    notDerived: z.string().default('the terms are added, but the sum is not derived'),
    missing: z.string().default('the terms are not all present and added'),
  })
  .strict();

export const ExpressionItem = z
  .object({
    ...ItemBase,
    type: z.literal('expression'),
    /** the left-hand side (`e_kj`); an answer's equation for it is what gets checked */
    of: z.array(z.string()).min(1),
    expr: z.string(),
    /** other forms that earn full credit */
    accept: z.array(z.string()).default([]),
    /** known wrong forms, with the reason to give */
    reject: z.array(z.object({ expr: z.string(), reason: z.string() }).strict()).default([]),
    /** the reasons given for a right expression and for another one */
    right: z.string().default('the expression is right'),
    wrong: z.string().default('the expression is not the right one'),
    /** the reason when no expression could be read (default: "no expression for <of> could be read") */
    unread: z.string().optional(),
    /**
     * the expression said in words instead: every pattern (a regular expression on normalised prose,
     * case-sensitive) must match
     */
    inWords: z
      .object({ all: z.array(z.string()).min(1), reason: z.string() })
      .strict()
      .optional(),
    /**
     * a right expression written with ⊙ or ∘ (an element-wise product, where the key's product is
     * another): the reason it goes to a person
     */
    elementwise: z.string().optional(),
  })
  .strict();

export const Facet = z
  .object({
    id: z.string(),
    /** regular expressions on normalised prose; any one matching states the facet */
    any: z.array(z.string()).default([]),
    /**
     * symbols whose written product states the facet, however it is spelt: two or more indexed
     * factors (`f_T f_{T-1} ⋯ f_2`, `f_T * ... * f_2`), a product sign over them (`∏ f_k`, `prod f`),
     * or a power with a symbolic exponent (`f^{T-1}`)
     */
    products: z.array(z.string()).default([]),
    /** regular expressions that, when matching, mean the opposite was said (negation) */
    negated: z.array(z.string()).default([]),
    /**
     * what readers of the rubric split on (a gradient said to grow where the idea is that it does not
     * shrink): matching, the facet is neither stated nor denied, and a person reads it
     */
    contested: z.array(z.string()).default([]),
    /**
     * what the facet speaks of ("vanish", "shrink"): named while the facet is not read, the words said
     * of it were not understood (another language, a turn of phrase), and a person reads them
     */
    topic: z.array(z.string()).default([]),
  })
  .strict();

export const ConceptItem = z
  .object({
    ...ItemBase,
    type: z.literal('concept'),
    /** every facet must be stated for the item; one but not all is a half-match -> review */
    facets: z.array(Facet).min(1),
    /** facets that alone are too generic to count as a half-match (e.g. mentioning the forget gate) */
    weak: z.array(z.string()).default([]),
    /**
     * marks the idea cannot be stated without (a product needs a product's signs: "∏", "multiplied",
     * "1 · 1"): where none stands, the idea is absent in any words, and its absence is no doubt
     */
    traces: z.array(z.string()).default([]),
    /** what a sentence stating the idea is about, for it to be read surely (any of these patterns) */
    about: z.array(z.string()).default([]),
    /**
     * what is written in the idea's place (a sum of the forget gates where their product belongs):
     * written, and the idea not read, the idea is surely absent, whatever the explanation's length
     */
    instead: z.array(z.string()).default([]),
  })
  .strict();

export const Item = z.discriminatedUnion('type', [
  MappingItem,
  ValueItem,
  TermItem,
  SumItem,
  ExpressionItem,
  ConceptItem,
]);
export type Item = z.infer<typeof Item>;
export type ValueItem = z.infer<typeof ValueItem>;
export type MappingItem = z.infer<typeof MappingItem>;
export type TermItem = z.infer<typeof TermItem>;
export type SumItem = z.infer<typeof SumItem>;
export type ExpressionItem = z.infer<typeof ExpressionItem>;
export type ConceptItem = z.infer<typeof ConceptItem>;

export const Cap = z
  .object({
    /** the cap applies when this kind of work is missing from the part */
    without: WorkKind,
    max: z.number().min(0),
    reason: z.string(),
  })
  .strict();

export const Part = z
  .object({
    id: z.string().min(1),
    points: z.number().positive(),
    title: z.string().default(''),
    work: Work.default({
      required: false,
      counts: [],
      reasons: [],
      anyExplanation: false,
      sizeOf: [],
      describe: 'the supporting working',
    }),
    caps: z.array(Cap).default([]),
    items: z.array(Item).min(1),
  })
  .strict();
export type Part = z.infer<typeof Part>;

export const Rubric = z
  .object({
    exam: z.string().min(1),
    version: z.number().int().min(1).default(1),
    /** the exam's total; parts must add up to it */
    total: z.number().positive(),
    parts: z.array(Part).min(1),
  })
  .strict();
export type Rubric = z.infer<typeof Rubric>;
