/**
 * Ingest CLI: raw article dumps in, one Markdown entry per story out.
 *
 *   npm run ingest -- [--in content/raw] [--out content/articles] [--check] [--keep-going] [--quiet]
 *
 * The default folders are the site's (`SITE.rawDir`, `SITE.articlesDir`), so
 * CLIPPINGS_RAW_DIR and CLIPPINGS_ARTICLES_DIR move both the ingest and the build.
 *
 * Exit status: 0 when everything was read (and, with --check, the entries are
 * current); 1 when a file or article was rejected (unless --keep-going: `npm
 * run build` uses it, so one bad dump among thousands still gets a site) or,
 * with --check, the entries are stale; 2 on wrong usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SITE } from '../src/site.config.ts';
import { runIngest, type IngestSummary } from './lib/run-ingest.ts';
import { createProgressBar } from './lib/progress-bar.ts';

const USAGE = 'usage: npm run ingest -- [--in <dir>] [--out <dir>] [--check] [--keep-going] [--quiet]';

function main(): Promise<number> | number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        in: { type: 'string', default: SITE.rawDir },
        out: { type: 'string', default: SITE.articlesDir },
        check: { type: 'boolean', default: false },
        'keep-going': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const inDir = path.resolve(values.in);
  const outDir = path.resolve(values.out);
  if (!existsSync(inDir)) {
    console.error(`ingest: ${display(inDir)}: no such folder, expected a folder of .txt dumps\n${USAGE}`);
    return 2;
  }
  return run(inDir, outDir, values.check, values['keep-going'], values.quiet);
}

async function run(inDir: string, outDir: string, check: boolean, keepGoing: boolean, quiet: boolean): Promise<number> {
  const started = performance.now();
  const progress = quiet ? undefined : createProgressBar(process.stderr);
  const summary = await runIngest({ inDir, outDir, check, onProgress: progress?.update });
  progress?.done();
  report(summary, display(inDir), display(outDir), check, quiet);
  if (!quiet) console.log(`ingest: done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (summary.rejected.length > 0 && !keepGoing) return 1;
  return check && summary.stale ? 1 : 0;
}

/** A folder as the user would name it: relative to where they stand, unless it is elsewhere. */
function display(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative || '.';
}

function report(summary: IngestSummary, inDir: string, outDir: string, check: boolean, quiet: boolean): void {
  const n = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
  if (!quiet) {
    console.log(
      `ingest: read ${n(summary.files, 'file')} from ${inDir} (${summary.filesRead.toLocaleString('en')} changed since the last run)`,
    );
    for (const name of summary.emptyFiles) console.log(`ingest: ${name}: empty file, no articles`);
    for (const name of summary.skipped) console.log(`ingest: ${name}: not a .txt dump, left alone`);
    console.log(
      `ingest: ${n(summary.articles, 'article')} → ${n(summary.entries, 'entry').replace('entrys', 'entries')} in ${outDir}, ${n(summary.duplicatesMerged, 'duplicate')} merged`,
    );
    const verb = check ? 'would write' : 'wrote';
    const verbRemove = check ? 'would remove' : 'removed';
    console.log(
      `ingest: ${verb} ${n(summary.written.length, 'entry').replace('entrys', 'entries')}, ${verbRemove} ${summary.removed.length.toLocaleString('en')}, ${(summary.entries - summary.written.length).toLocaleString('en')} unchanged`,
    );
  }
  const files = summary.rejected.filter((r) => r.kind === 'file').length;
  if (summary.rejected.length > 0) {
    console.error(
      `ingest: rejected ${n(files, 'file')} and ${n(summary.rejected.length - files, 'article')}; the rest was read${check ? '' : ' and written'}:`,
    );
    for (const r of summary.rejected) console.error(`  ${path.join(inDir, r.file)}${r.line > 0 ? `:${r.line}` : ''}: ${r.reason}`);
  }
  if (check) console.log(summary.stale ? `ingest: ${outDir} is stale, run \`npm run ingest\`` : `ingest: ${outDir} is up to date`);
}

process.exitCode = await main();
