// @grader/ingest: from the bytes of one uploaded PDF to a located, segmented script.
export { IngestError, type IngestErrorCode } from './errors.ts';
export { type IngestOptions, type IngestProgress, ingestPdf, renderPage } from './ingest.ts';
export { findLabel, type Label, PartTree } from './labels.ts';
export {
  createOcrPool,
  DEFAULT_OCR_ENGINE,
  type OcrEngine,
  type OcrPool,
  type OcrResult,
  type OcrWord,
} from './ocr.ts';
export { coerceRoll, findRoll } from './roll.ts';
export { matchStudent, parseRoster, type Roster, type RosterEntry } from './roster.ts';
export {
  findScriptStarts,
  type HeaderSignals,
  headerSignals,
  type PageRange,
  rangesFromStarts,
  type SplitOptions,
  STACK_LIMITS,
  splitStack,
  startsFromSignals,
} from './split.ts';
export { readTextLayer } from './text-layer.ts';
export { findVersionCode, isVersionLine, versionPhrases } from './version-code.ts';
