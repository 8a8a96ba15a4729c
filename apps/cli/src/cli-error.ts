/** An error the user caused (bad flag, unknown exam, unreadable file): printed as one line, exit non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
