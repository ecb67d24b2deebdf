/**
 * Messages between the ingest and its workers.
 */
import type { Source, Version } from '../../src/lib/entry-schema.ts';
import type { ArticleRef } from '../../src/lib/identity/article-ref.ts';
import type { FileFailure } from './entry-files.ts';
import type { OwnedFile } from './ingest-manifest.ts';
import type { Transferable } from 'node:worker_threads';
import type { PackedFiles } from './packed-files.ts';
import type { KnowledgeCache } from './knowledge-stage.ts';
import type { TaskMaker } from './worker-pool.ts';

/** What the ingest knows of one dump file. */
export interface FileRecord {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes: a dump whose time changed but not its bytes is not parsed again. */
  hash: string;
  articles: ArticleRef[];
  /** What could not be read. */
  errors: ReadError[];
}

/** Something that could not be read: the whole file, or one article of it. */
export interface ReadError {
  kind: 'file' | 'article';
  /** One-based line, or 0 for the whole file. */
  line: number;
  reason: string;
  /** A fault of the ingest itself, not of the dump (the run exits with its own status). */
  internal?: true;
}

/**
 * Read some dumps and plan their entries as if each story stood in one dump
 * only: new files are to be written, identical ones left alone, and any other
 * case (a merged story, a clash) is left to the ingest, which knows every dump.
 */
export interface ScanTask {
  kind: 'scan';
  /** The dumps, each with the hash it had at the last run, if any. */
  files: { path: string; name: string; hash?: string }[];
  outDir: string;
  /** The output folder held no entries when the run began: nothing to compare with. */
  fresh: boolean;
  /** Extract each story's knowledge fields, with this cache (absent: `--no-extract`). */
  knowledge?: KnowledgeCache;
  /** The buffer of an earlier batch's files, written since: packed into again rather than a new one. */
  spare?: ArrayBuffer;
}

/** Plan the entries of some articles of one dump. */
export interface RenderTask {
  kind: 'render';
  path: string;
  name: string;
  outDir: string;
  items: RenderItem[];
  /** As in a scan. */
  knowledge?: KnowledgeCache;
}

/** One entry to render. */
export interface RenderItem {
  /** The article's position in the dump. */
  index: number;
  slug: string;
  id: string;
  sources: Source[];
  /** Every version of a story read from more than one source, in archive order, to describe what changed. */
  versions?: { path: string; name: string; index: number }[];
  /** The story's entry as the last run wrote it, when a version it was written from is gone from the dumps: its text and versions are read back, and the new text is described against it. */
  previous?: string;
  /** The versions the entry was last written with, recorded since (an edit in place), when its content has not changed since. */
  history?: Version[];
}

/** What a scan did with one entry. */
export type ScanOutcome = 'written' | 'unchanged' | 'deferred';

/**
 * Entry files to write. The workers encode and pack them, the bytes are
 * transferred, not copied, and one thread at a time writes them: one writer
 * creating files in a folder is faster than several, which contend for the
 * folder in the kernel. The main thread writes them as they come, but for the
 * scan's last batches, which a worker writes after the scan (`WriteTask`).
 */
export type FileWrites = PackedFiles;

/**
 * Write the entry files of a scan's last batches, while the main thread plans:
 * the one stretch of a run where it alone works (`scan-pass.ts`).
 */
export interface WriteTask {
  kind: 'write';
  packs: FileWrites[];
  /** As `writePacked`'s: the output folder held no entries when the run began. */
  direct: boolean;
}

/** A worker's answer to a write: what each file now holds, by name, and those it could not write. */
export interface WriteResult {
  kind: 'write';
  written: [string, OwnedFile][];
  failed: FileFailure[];
}

/** Entry files found already as they would be written, by file name: the ingest owns them from now on. */
export type UnchangedFiles = Record<string, OwnedFile>;

/** A worker's answer to a scan. */
export interface ScanResult {
  kind: 'scan';
  /** CPU milliseconds the task spent in the extraction stage. */
  extractMs: number;
  writes: FileWrites;
  unchanged: UnchangedFiles;
  /** A dump whose bytes still have their last hash (only touched) comes back with `same` and no record. */
  records: (
    | { name: string; same: true }
    | { name: string; same?: false; record: Omit<FileRecord, 'size' | 'mtimeMs'>; outcomes: Record<string, ScanOutcome> }
  )[];
}

/** A worker's answer to a render. */
export interface RenderResult {
  kind: 'render';
  /** As in a scan. */
  extractMs: number;
  /** By slug, the versions of entries whose text changed since their last entry was written (`RenderItem.previous`). */
  histories: Record<string, Version[]>;
  writes: FileWrites;
  written: string[];
  unchanged: UnchangedFiles;
  errors: ReadError[];
}

/** Something that could not be read, written or removed, with where. */
export interface Rejection extends ReadError {
  /** Relative to the input folder, or with `folder: 'out'` to the output folder. */
  file: string;
  folder?: 'out';
}

/** Called as work completes, for a progress bar. */
export type Progress = (phase: 'read' | 'write', done: number, total: number) => void;

/** The workers, or the main thread when `work` (dumps or entries) is small. */
export type GetPool = (work: number) => {
  run(task: IngestTask | TaskMaker<IngestTask>, transfer?: Transferable[]): Promise<ScanResult | RenderResult | WriteResult>;
};

/** Any task of the ingest's workers. */
export type IngestTask = ScanTask | RenderTask | WriteTask;

/** Why a worker's task failed, as reported for the dump it was about: a fault of the ingest, not of the dump. */
export function internalReason(error: unknown): string {
  return `internal error, please report it: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
}
