/**
 * Ingest CLI: raw article dumps in, one Markdown entry per story out.
 *
 *   npm run ingest -- [--in content/raw] [--out content/articles] [--check] [--verify] [--force] [--no-extract] [--keep-going] [--quiet] [--ledger <file>]
 *
 * The URL ledger (README, "The URL ledger") is content/url-ledger.txt for the
 * archive's own entries folder, `.url-ledger.txt` inside any other --out.
 *
 * The default folders are the site's (`SITE.rawDir`, `SITE.articlesDir`), so
 * CLIPPINGS_RAW_DIR and CLIPPINGS_ARTICLES_DIR move both the ingest and the build.
 *
 * Exit status (README, "Exit status"): 0 when everything was read (and, with
 * --check, the entries are current); 1 when a file or article was rejected
 * (unless --keep-going: `npm run build` uses it, so one bad dump among
 * thousands still gets a site) or, with --check, the entries are stale; 2
 * when the run was refused before it touched anything (wrong usage, refused
 * folders, another run holding the lock); 3 on an internal error.
 */
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { IngestSummary } from './lib/ingest-options.ts';

// Node's compile cache on disk (the workers' too) before the ingest's modules
// load: a re-run that reads one dump spends most of its time starting up
// without it. Hence the dynamic imports. (`npm run ingest` enables it before
// this file too, `lib/compile-cache.mjs`, and it then is not stripped afresh.)
module.enableCompileCache();
const { SITE } = await import('../src/site.config.ts');
const { runIngest } = await import('./lib/run-ingest.ts');
const { createProgressBar } = await import('./lib/progress-bar.ts');
const { UsageError } = await import('./lib/out-folder.ts');
const { EXIT, exitStatus } = await import('./lib/exit-status.ts');
const { escapeForTerminal: safe } = await import('./lib/terminal-text.ts');

const USAGE = 'usage: npm run ingest -- [--in <dir>] [--out <dir>] [--check] [--verify] [--force] [--no-extract] [--keep-going] [--quiet] [--ledger <file>]';

/** How the CLI was asked to run. */
interface CliOptions {
  inDir: string;
  outDir: string;
  check: boolean;
  verify: boolean;
  force: boolean;
  /** Extract the knowledge fields (on unless `--no-extract`). */
  extract: boolean;
  keepGoing: boolean;
  quiet: boolean;
  /** The URL ledger, when not the default inside the output folder. */
  ledger?: string;
}

// The archive's own run keeps its URL ledger in git, beside (not inside) the generated entries.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWN_ARTICLES = path.join(ROOT, 'content', 'articles');
const OWN_LEDGER = path.join(ROOT, 'content', 'url-ledger.txt');

function main(): Promise<number> | number {
  let values;
  try {
    ({ values } = parseArgs({
      allowNegative: true,
      options: {
        in: { type: 'string', default: SITE.rawDir },
        out: { type: 'string', default: SITE.articlesDir },
        check: { type: 'boolean', default: false },
        verify: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        extract: { type: 'boolean', default: true },
        'keep-going': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        ledger: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`ingest: ${safe((error as Error).message)}\n${USAGE}`);
    return EXIT.refused;
  }
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  return run({
    inDir: values.in,
    outDir: values.out,
    check: values.check,
    verify: values.verify,
    force: values.force,
    extract: values.extract,
    keepGoing: values['keep-going'],
    quiet: values.quiet,
    ledger: values.ledger ?? (path.resolve(values.out) === OWN_ARTICLES ? OWN_LEDGER : undefined),
  });
}

async function run(options: CliOptions): Promise<number> {
  const started = performance.now();
  const progress = options.quiet ? undefined : createProgressBar(process.stderr);
  let summary: IngestSummary;
  try {
    // The folders as given: the run names them so in its messages, and refuses an empty one.
    summary = await runIngest({
      inDir: options.inDir,
      outDir: options.outDir,
      check: options.check,
      verify: options.verify,
      force: options.force,
      extract: options.extract,
      ledger: options.ledger,
      onProgress: progress?.update,
    });
  } catch (error) {
    progress?.done();
    if (error instanceof UsageError) {
      console.error(`ingest: ${safe(error.message)}\n${USAGE}`);
      return EXIT.refused;
    }
    console.error(`ingest: internal error, please report it:\n${safe(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    return EXIT.internal;
  }
  progress?.done();
  report(summary, options);
  if (!options.quiet) console.log(`ingest: done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return exitStatus(summary, options);
}

/** A folder as the user would name it: relative to where they stand, unless it is elsewhere. */
function display(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative || '.';
}

function report(summary: IngestSummary, options: CliOptions): void {
  const { check, quiet } = options;
  const inDir = display(path.resolve(options.inDir));
  const outDir = display(path.resolve(options.outDir));
  const n = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`.replace('entrys', 'entries');
  for (const note of summary.notes) console.error(`ingest: ${safe(outDir)}: ${safe(note)}`);
  if (!quiet) {
    console.log(`ingest: read ${n(summary.files, 'file')} from ${safe(inDir)} (${summary.filesRead.toLocaleString('en')} changed since the last run)`);
    for (const name of summary.emptyFiles) console.log(`ingest: ${safe(name)}: empty file, no articles`);
    for (const { name, reason } of summary.skipped) console.log(`ingest: ${safe(name)}: ${safe(reason)}`);
    console.log(
      `ingest: ${n(summary.articles, 'article')} → ${n(summary.entries, 'entry')} in ${safe(outDir)}, ${n(summary.duplicatesMerged, 'duplicate')} merged${summary.redirects > 0 ? `, ${n(summary.redirects, 'redirect')} from older URLs` : ''}`,
    );
    const verb = check ? 'would write' : 'wrote';
    const verbRemove = check ? 'would remove' : 'removed';
    const repaired = summary.repaired.length > 0 ? ` (${summary.repaired.length.toLocaleString('en')} of them ${check ? 'damaged' : 'repaired'})` : '';
    console.log(
      `ingest: ${verb} ${n(summary.written.length, 'entry')}${repaired}, ${verbRemove} ${summary.removed.length.toLocaleString('en')}, ${(summary.entries - summary.written.length).toLocaleString('en')} unchanged`,
    );
  }
  // Every removed file is named: the ingest only ever removes entries it wrote, and says which.
  for (const name of summary.removed) console.log(`ingest: ${check ? 'would remove' : 'removed'} ${safe(path.join(outDir, name))}`);
  const files = summary.rejected.filter((r) => r.kind === 'file').length;
  if (summary.rejected.length > 0) {
    console.error(
      `ingest: rejected ${n(files, 'file')} and ${n(summary.rejected.length - files, 'article')}; the rest was read${check ? '' : ' and written'}:`,
    );
    for (const r of summary.rejected) {
      const file = path.join(r.folder === 'out' ? outDir : inDir, r.file);
      console.error(`  ${safe(file)}${r.line > 0 ? `:${r.line}` : ''}: ${safe(r.reason)}`);
    }
  }
  if (check) console.log(summary.stale ? `ingest: ${safe(outDir)} is stale, run \`npm run ingest\`` : `ingest: ${safe(outDir)} is up to date`);
}

const status = await main();
// Exit once what was printed is out, rather than when the event loop drains:
// Node then frees a heap of 100k stories' records first, a tenth of a second
// or more of a run at 100k that the user waits for and nothing needs.
process.stdout.write('', () => process.stderr.write('', () => process.exit(status)));
