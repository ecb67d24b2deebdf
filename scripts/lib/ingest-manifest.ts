/**
 * What the last ingest run read and wrote, kept beside the entries so a
 * re-run only reads the dumps that changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileRecord } from './ingest-protocol.ts';

/** File name of the manifest inside the output folder (hidden: not an entry). */
const MANIFEST_NAME = '.ingest-manifest.json';

/** The manifest as stored. */
export interface Manifest {
  /** Hash of the ingest's own code: a change to how entries are written invalidates everything. */
  version: string;
  /** By dump path relative to the input folder. */
  files: Record<string, FileRecord>;
  /** By slug: a signature of what the entry was written from. */
  entries: Record<string, string>;
}

/**
 * The version of the code that writes entries: a hash of the ingest core, the worker and the signatures.
 */
export function ingestVersion(): string {
  const hash = createHash('sha256');
  const core = fileURLToPath(new URL('../../src/lib/ingest/', import.meta.url));
  const sources = [
    ...readdirSync(core)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort()
      .map((name) => path.join(core, name)),
    fileURLToPath(new URL('../../src/lib/entry-schema.ts', import.meta.url)),
    fileURLToPath(new URL('./ingest-worker.ts', import.meta.url)),
    // Entry signatures, which the manifest keeps.
    fileURLToPath(new URL('./plan-entries.ts', import.meta.url)),
  ];
  for (const file of sources) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Load the manifest of an output folder, or an empty one when it is missing,
 * unreadable or written by other code.
 *
 * @param outDir The entries folder.
 * @param version The current `ingestVersion()`.
 */
export function loadManifest(outDir: string, version: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (manifest.version === version && manifest.files && manifest.entries) return manifest;
  } catch {
    // Missing or damaged: start over, the entries on disk are compared before any write.
  }
  return { version, files: {}, entries: {} };
}

/**
 * @param outDir The entries folder.
 * @param manifest What this run read and wrote.
 */
export function saveManifest(outDir: string, manifest: Manifest): void {
  writeFileSync(path.join(outDir, MANIFEST_NAME), JSON.stringify(manifest));
}
