import { z } from 'zod';

/**
 * What ingestion extracts from one uploaded PDF. It is stored by the worker and read back for every
 * (re)grade, so it must round-trip through JSON: no class instances, no undefined-only fields.
 *
 * Coordinates: PDF points (1/72 in), origin at the top-left of the page, y growing downwards;
 * pages are numbered from 1.
 */
export const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Box = z.infer<typeof Box>;

/** A place on a page: where a piece of evidence was read. */
export const Region = z.object({ page: z.number().int().min(1), box: Box });
export type Region = z.infer<typeof Region>;

/** Confidence in [0, 1]: 1 for a clean text layer, the OCR engine's word confidence otherwise. */
export const Confidence = z.number().min(0).max(1);

export const Word = z.object({ text: z.string(), box: Box, conf: Confidence });
export type Word = z.infer<typeof Word>;

export const Line = z.object({
  page: z.number().int().min(1),
  text: z.string(),
  box: Box,
  conf: Confidence,
  words: z.array(Word),
  /** read by OCR next to ink it did not read (a word or line lost, a struck-out slip): see ingest's unread.ts */
  unread: z.boolean().optional(),
});
export type Line = z.infer<typeof Line>;

export const PageSource = z.enum(['text', 'ocr', 'empty']);
export type PageSource = z.infer<typeof PageSource>;

export const PageInfo = z.object({
  page: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  /** where the page's words came from: its text layer, OCR of its rendering, or nowhere */
  source: PageSource,
  /** mean word confidence of the page */
  conf: Confidence,
  /** clockwise rotation in degrees that OCR applied to read the page upright */
  rotation: z.number().default(0),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const RosterMatch = z.object({
  roll: z.string(),
  name: z.string(),
  /** 0 = exact; larger = more OCR edits were needed to match */
  distance: z.number(),
});
export type RosterMatch = z.infer<typeof RosterMatch>;

/** A version code read on the script: the code itself, the text it was read from, and where. */
export const VersionCode = z.object({ code: z.string().min(1), text: z.string(), region: Region.nullable() });
export type VersionCode = z.infer<typeof VersionCode>;

export const Header = z.object({
  name: z.string().nullable(),
  roll: z.string().nullable(),
  course: z.string().nullable(),
  region: Region.nullable(),
  conf: Confidence,
  /** set when a roster was given and one student matched well enough */
  match: RosterMatch.nullable().default(null),
  /** a roster was given: without `match` the script belongs to nobody until a person confirms it */
  rosterChecked: z.boolean().default(false),
  /** human-readable problems: "no roll number found", "two roster students match", ... */
  issues: z.array(z.string()).default([]),
  /** a version code written or printed in the header ("Version B", "Set B", "Paper code B") */
  versionCode: VersionCode.optional(),
});
export type Header = z.infer<typeof Header>;

/** The answer to one rubric part, as found on the pages. */
export const PartAnswer = z.object({
  partId: z.string(),
  /** raw text of the answer, lines joined by "\n", label removed */
  text: z.string(),
  lines: z.array(Line),
  /** bounding boxes of the answer on each page it covers (one per contiguous block) */
  regions: z.array(Region),
  /** how cleanly the part label was recognised, [0, 1] */
  labelConf: Confidence,
  /** overall extraction confidence for the part, [0, 1] */
  conf: Confidence,
  /** in how many separate places the part was answered (> 1 is an organisation finding) */
  occurrences: z.number().int().min(1).default(1),
  /** how many of those places are rows of a summary of final answers (a restatement, not a second answer) */
  summaryRows: z.number().int().min(0).optional(),
  /** other parts answered in the same text, under one label ("3 (a) and (b)", "2a/2b:") */
  sharedWith: z.array(z.string()).optional(),
  /** the answer chooses among options the student listed ("A) 3 x 2  B) 3 x 5 …  Ans: B)") */
  choices: z.boolean().optional(),
});
export type PartAnswer = z.infer<typeof PartAnswer>;

export const ExtractedScript = z.object({
  file: z.string().optional(),
  pageCount: z.number().int().min(0),
  pages: z.array(PageInfo),
  header: Header,
  /** every part id of the exam that was found, keyed by part id */
  parts: z.record(z.string(), PartAnswer),
  /** part ids in the order they first appear in the script */
  order: z.array(z.string()),
  /** text after the header that could not be attached to any part label */
  unlabelled: z.array(Line).default([]),
  /** rough work the student set under its own heading ("Rough work", "ROUGH -- ignore"): not graded */
  rough: z.array(Line).default([]),
  /** extraction problems worth telling a person about */
  warnings: z.array(z.string()).default([]),
  /**
   * Set when the script is a page range of a larger PDF (a stack split into scripts): the range, as
   * pages of that PDF. Pages, lines and regions above are numbered within the script, from 1; page
   * `k` here is page `from + k - 1` of the stack.
   */
  sourcePages: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).optional(),
});
export type ExtractedScript = z.infer<typeof ExtractedScript>;
