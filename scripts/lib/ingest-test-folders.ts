/**
 * The temporary archive the run-level ingest tests share: a `raw/` folder of
 * dumps and an `articles/` output under a fresh folder per test. The folders
 * are exported as live bindings, reassigned before each test.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runIngest } from './run-ingest.ts';

export let root = '';
export let inDir = '';
export let outDir = '';

/** One dump article with repeated photo captions around its headline. */
export const story = (title: string, body: string) => `${title}\n\nA photo (AFP)\nA photo (AFP)\nTT\n\n${title}\n\nA photo (AFP)\nA photo (AFP)\n\n${body}\n`;

/** Write a dump (or any file) below the input folder. */
export const write = (name: string, text: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(inDir, name)), { recursive: true });
  writeFileSync(path.join(inDir, name), text);
};

/** The entry files written so far, sorted. */
export const entries = () =>
  existsSync(outDir)
    ? readdirSync(outDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

export const ingest = (check = false) => runIngest({ inDir, outDir, check, workers: 2, cwd: root });

/** Give each test of the calling file its own folders, removed after it. */
export function useIngestFolders(): void {
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'clippings-ingest-'));
    inDir = path.join(root, 'raw');
    outDir = path.join(root, 'articles');
    mkdirSync(inDir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
}
