export {
  type Corpus,
  type CorpusOptions,
  DEFAULT_ROSTER,
  generateCorpus,
  planCorpus,
  readRoster,
} from './corpus.ts';
export { ExpectedEntry, ExpectedFile, formatExpected } from './expected.ts';
export * as key from './key.ts';
export { renderScriptPdf } from './render/pdf.ts';
export { buildScript, FORMATS, type Format, type Script, wrongSignature } from './script.ts';
export { LIBRARY, type Variant } from './variants/index.ts';
