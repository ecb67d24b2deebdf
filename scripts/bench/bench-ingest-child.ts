/**
 * One measured ingest run for `bench-ingest.ts`, in a fresh process so that
 * its peak memory is its own. Prints one line of JSON.
 *
 *   node scripts/bench/bench-ingest-child.ts run --in DIR --out DIR [--workers N] [--check] [--no-extract]
 *   node scripts/bench/bench-ingest-child.ts baseline --in DIR [--files N]
 *   node scripts/bench/bench-ingest-child.ts write-floor --in ENTRIES --out DIR
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

// As the CLI starts (scripts/ingest.ts): the compile cache, then the modules.
module.enableCompileCache();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
    files: { type: 'string', default: '200' },
    check: { type: 'boolean', default: false },
    'no-extract': { type: 'boolean', default: false },
  },
});
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (positionals[0] === 'baseline') {
  // remark's serializer with its stock handlers, one core: the floor the issue quotes.
  const { toMarkdown } = await import('mdast-util-to-markdown');
  const { parseDump } = await import('../../src/lib/ingest/parse-dump.ts');
  const { toMdast } = await import('../../src/lib/ingest/to-mdast.ts');
  const inDir = values.in as string;
  const names = readdirSync(inDir).sort().slice(0, Number(values.files));
  const texts = names.map((name) => readFileSync(path.join(inDir, name), 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const trees = texts.flatMap((text) => parseDump(text, 'x').articles.map((article) => toMdast(article.blocks)));
  const started = performance.now();
  for (const tree of trees) toMarkdown(tree);
  console.log(JSON.stringify({ ms: performance.now() - started, bytes, peakMB: peakMB() }));
} else if (positionals[0] === 'write-floor') {
  // What this disk costs: writing the same entry files, one after the other, and nothing else.
  const inDir = values.in as string;
  const outDir = values.out as string;
  const files = readdirSync(inDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(path.join(inDir, name), 'utf8')] as const);
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  for (const [name, text] of files) writeFileSync(path.join(outDir, name), text);
  console.log(JSON.stringify({ ms: performance.now() - started, peakMB: peakMB(), written: files.length }));
} else {
  // Timed from the process's start, as a user waits for the CLI: loading the ingest's modules is part of a run.
  const started = 0;
  const { runIngest } = await import('../lib/run-ingest.ts');
  const summary = await runIngest({
    inDir: values.in as string,
    outDir: values.out as string,
    check: values.check,
    extract: !values['no-extract'],
    ...(values.workers ? { workers: Number(values.workers) } : {}),
  });
  console.log(
    JSON.stringify({
      ms: performance.now() - started,
      peakMB: peakMB(),
      filesRead: summary.filesRead,
      articles: summary.articles,
      written: summary.written.length,
      rejected: summary.rejected.length,
      extractMs: summary.extractMs,
    }),
  );
  // As the CLI ends: out once the line is written, without freeing the heap first.
  process.stdout.write('', () => process.exit());
}
