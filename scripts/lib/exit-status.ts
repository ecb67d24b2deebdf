/**
 * The ingest CLI's exit statuses (README, "Exit status").
 */
import type { IngestSummary } from './ingest-options.ts';

export const EXIT = {
  /** Everything was read (with --check: the entries are current). */
  ok: 0,
  /** A file or article was rejected, the rest written; or, with --check, the entries are stale. */
  rejected: 1,
  /** Refused before touching anything: wrong usage, refused folders, another run holding the lock. */
  refused: 2,
  /** A fault of the ingest itself; the rest was written. */
  internal: 3,
} as const;

/**
 * The status of a run that went through.
 *
 * @param summary What the run did.
 * @param options `check`, and `keepGoing`: rejections (internal ones too) are reported but do not fail the run.
 */
export function exitStatus(summary: Pick<IngestSummary, 'rejected' | 'stale'>, options: { check: boolean; keepGoing: boolean }): number {
  const stale = options.check && summary.stale;
  if (options.keepGoing) return stale ? EXIT.rejected : EXIT.ok;
  if (summary.rejected.some((rejection) => rejection.internal)) return EXIT.internal;
  return summary.rejected.length > 0 || stale ? EXIT.rejected : EXIT.ok;
}
