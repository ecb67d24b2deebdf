/**
 * The ingest's identity files: the URL ledger (every story URL ever published
 * and the story it belongs to now) and the redirects the site builds from it.
 * The plan (`plan-entries.ts`) settles them; this module reads and keeps them.
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IngestError } from '../../src/lib/ingest/errors.ts';
import { emptyLedger, parseLedger, parseOwnLedger, patchLedger, serializeLedger, type Ledger } from '../../src/lib/identity/ledger.ts';
import { writeFileAtomic } from './entry-files.ts';
import { UsageError } from './out-folder.ts';
import type { Plan } from '../../src/lib/identity/plan-entries.ts';

/** Default name of the URL ledger inside the output folder (for runs other than the archive's own). */
export const LEDGER_NAME = '.url-ledger.txt';
/** The redirects the site builds, written beside the entries: `[{ from, to }]` slugs, sorted. */
export const REDIRECTS_NAME = '.redirects.json';

/** A ledger as read, with the text it was read from (a run rewrites it only when it changes). */
export interface ReadLedger {
  ledger: Ledger;
  text: string;
  /** `ledgerHash` of that text. */
  hash: string;
  /** It is the ledger the last run left (its hash is the one the manifest recorded). */
  own: boolean;
}

/**
 * Read the URL ledger: missing is a first run; damaged or contradictory stops
 * the run before anything is touched, since going on would re-slug the archive.
 *
 * @param file Its absolute path.
 * @param shown Its path as the user gave it, for messages.
 * @param written `ledgerHash` of the ledger the last run left, from its manifest.
 * @throws UsageError naming the line.
 */
export function readLedger(file: string, shown: string, written?: string): ReadLedger {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ledger: emptyLedger(), text: '', hash: ledgerHash(''), own: false };
    throw new UsageError(`${shown}: cannot read the URL ledger (${(error as Error).message})`);
  }
  // Hashed as read: a text would be encoded again first (8 MB at 100k stories).
  const hash = ledgerHash(bytes);
  const text = bytes.toString('utf8');
  // The ledger the last run left, by the hash its manifest recorded: read as written.
  const own = written !== undefined && hash === written ? parseOwnLedger(text) : undefined;
  if (own) return { ledger: own, text, hash, own: true };
  try {
    return { ledger: parseLedger(text, shown), text, hash, own: false };
  } catch (error) {
    if (error instanceof IngestError) {
      throw new UsageError(
        `${error.file}:${error.line}: ${error.reason}; the URL ledger is left as it is and nothing was written: fix the line (git shows what changed) and run again`,
      );
    }
    throw error;
  }
}

/** What the manifest records of the ledger a run left, to know it again: of its text, or of the same text's UTF-8 bytes. */
export function ledgerHash(text: string | Uint8Array): string {
  return hash('sha256', text).slice(0, 16);
}

/** What `saveUrls` works with. */
export interface SaveUrlsOptions {
  outDir: string;
  ledgerFile: string;
  /** The ledger as read. */
  old: Pick<ReadLedger, 'text' | 'hash'> & Partial<Pick<ReadLedger, 'own'>>;
  plan: Plan;
  /** Compare only. */
  dryRun: boolean;
}

/**
 * Keep the URL ledger and the redirects file current: written only when they
 * change (with `dryRun`, only compared).
 */
export function saveUrls(options: SaveUrlsOptions): { changed: boolean; ledgerChanged: boolean; ledgerHash: string } {
  // The ledger the last run wrote is its text as read, unchanged by the plan, or with the few lines it changed put in: no 8 MB to build at 100k.
  const { old, plan } = options;
  const ledger =
    (old.own && plan.ledgerChanged === false ? old.text : old.own && plan.ledgerLines ? patchLedger(old.text, plan.ledgerLines) : undefined) ??
    serializeLedger(plan.ledger);
  const redirectsFile = path.join(options.outDir, REDIRECTS_NAME);
  const redirects = `${JSON.stringify(options.plan.redirects)}\n`;
  const ledgerChanged = ledger !== options.old.text;
  const redirectsChanged = (existsSync(redirectsFile) ? readFileSync(redirectsFile, 'utf8') : undefined) !== redirects;
  if (!options.dryRun) {
    if (ledgerChanged) {
      mkdirSync(path.dirname(options.ledgerFile), { recursive: true });
      writeFileAtomic(options.ledgerFile, ledger);
    }
    if (redirectsChanged) writeFileAtomic(redirectsFile, redirects);
  }
  return { changed: ledgerChanged || redirectsChanged, ledgerChanged, ledgerHash: ledgerChanged ? ledgerHash(ledger) : options.old.hash };
}
