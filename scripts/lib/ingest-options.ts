/**
 * What an ingest run takes (`IngestOptions`) and what it reports
 * (`IngestSummary`): the contract between `run-ingest.ts` and its callers,
 * the CLI and the benchmarks.
 */
import type { Progress, Rejection } from './ingest-protocol.ts';
import type { Unlisted } from './list-dumps.ts';

/** How to run. */
export interface IngestOptions {
  inDir: string;
  outDir: string;
  /** Compare only: write and remove nothing, report what is stale (and verify each entry's hash). */
  check?: boolean;
  /** Verify every entry's hash, not only its size, and repair what differs (`check` always does). */
  verify?: boolean;
  /** Write into a folder that holds other files and no manifest (still removing only the ingest's own files). */
  force?: boolean;
  /** Extract people, places, organisations, dates and quotes into each entry (default: true). */
  extract?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** The URL ledger (default: `.url-ledger.txt` inside `outDir`; the archive's own run keeps it in git). */
  ledger?: string;
  /** The working folder, which `outDir` may not be (default: `process.cwd()`). */
  cwd?: string;
  /** Called as work completes, for a progress bar. */
  onProgress?: Progress;
}

/** What a run did. */
export interface IngestSummary {
  /** Dump files found, and how many of them had to be read (the others were unchanged). */
  files: number;
  filesRead: number;
  emptyFiles: string[];
  /** What the input folder holds that was passed over, and why: files that are not `.txt`, hidden ones, links that would leave the folder or read a file twice. */
  skipped: Unlisted[];
  /** Articles read, entries they make, and the difference: copies merged into one entry. */
  articles: number;
  entries: number;
  duplicatesMerged: number;
  /** Slugs written (or, with `check`, that would be). */
  written: string[];
  /** Entry files removed (or that would be) because their story is gone, by name in the output folder. */
  removed: string[];
  /** Entries rewritten because their file was missing or not as written (with `check`: would be). */
  repaired: string[];
  /** Whole files and articles that could not be read, and entries that could not be written or removed. */
  rejected: Rejection[];
  /** What the user should know that is not an error: a stale lock taken over, a manifest that could not be used. */
  notes: string[];
  /** Redirects from older URLs of live stories to their current ones. */
  redirects: number;
  /** The ledger changed (with `check`: would change). */
  ledgerChanged: boolean;
  /** CPU milliseconds the extraction stage spent, summed over threads (0 without extraction or when the cache had everything). */
  extractMs: number;
  /** With `check`: true when the entries on disk do not match the dumps. */
  stale: boolean;
}
