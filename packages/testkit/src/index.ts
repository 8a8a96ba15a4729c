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
export { scriptToLatex } from './render/latex.ts';
export { scriptToFodt } from './render/office.ts';
export { renderOfficeBatch, renderScriptPdf } from './render/pdf.ts';
export { findTool, hasTool, MissingToolError } from './render/tools.ts';
export { buildScript, DEFAULT_FORMATS, FORMATS, type Format, type Script, wrongSignature } from './script.ts';
export { LIBRARY, type Variant } from './variants/index.ts';
