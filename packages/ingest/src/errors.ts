/** Why an uploaded file could not be read at all. The message is one line, fit to show a TA. */
export type IngestErrorCode =
  | 'not_pdf'
  | 'encrypted'
  | 'corrupt'
  | 'empty'
  | 'too_large'
  | 'too_many_pages'
  | 'timeout';

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
  }
}
