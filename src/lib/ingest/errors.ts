/**
 * The one error the ingest core throws or reports: it names the file and line
 * and says what was expected, so a user can go and fix the dump.
 */
export class IngestError extends Error {
  /** Dump file path as given to the parser. */
  readonly file: string;
  /** One-based line the problem was found at (0 when it concerns the whole file). */
  readonly line: number;
  /** What was wrong, without the location. */
  readonly reason: string;

  /**
   * @param file Dump file path.
   * @param line One-based line, or 0 for the whole file.
   * @param reason What was expected, in words a user can act on.
   */
  constructor(file: string, line: number, reason: string) {
    super(`ingest: ${line > 0 ? `${file}:${line}` : file}: ${reason}`);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
