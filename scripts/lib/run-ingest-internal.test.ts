import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { runIngest } from './run-ingest.ts';

// A fault in the ingest's own code, planted: the parser throws on one dump.
vi.mock('../../src/lib/ingest/parse-dump.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/ingest/parse-dump.ts')>();
  return {
    ...real,
    parseDump: (text: string, file: string) => {
      if (text.includes('PLANTED FAULT')) throw new TypeError('Cannot read properties of undefined');
      return real.parseDump(text, file);
    },
  };
});

const story = (title: string, body: string) => `${title}\n\nTT\n\n${title}\n\n${body}\n`;
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-internal-'));
  mkdirSync(path.join(root, 'raw'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runIngest, when the ingest itself fails on a dump', () => {
  test('reports an internal error for that dump and writes the others', async () => {
    writeFileSync(path.join(root, 'raw', 'a.txt'), story('Bridge Reopens', 'Cars are back.'));
    writeFileSync(path.join(root, 'raw', 'b.txt'), story('Port Strike Ends', 'PLANTED FAULT'));
    // Two dumps run in this thread, where the mock applies.
    const summary = await runIngest({ inDir: path.join(root, 'raw'), outDir: path.join(root, 'out'), cwd: root });
    expect(summary.rejected).toEqual([
      { file: 'b.txt', kind: 'file', line: 0, reason: 'internal error, please report it: Cannot read properties of undefined', internal: true },
    ]);
    expect(readdirSync(path.join(root, 'out')).filter((name) => name.endsWith('.md'))).toEqual([expect.stringMatching(/^bridge-reopens-/)]);
  });
});
