/**
 * One measured ingest run for `bench-ingest.ts`, in a fresh process so that
 * its peak memory is its own. Prints one line of JSON.
 *
 *   node scripts/lib/bench-ingest-child.ts run --in DIR --out DIR [--workers N]
 *   node scripts/lib/bench-ingest-child.ts baseline --in DIR [--files N]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { toMdast } from '../../src/lib/ingest/to-mdast.ts';
import { runIngest } from './run-ingest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
    files: { type: 'string', default: '200' },
  },
});
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (positionals[0] === 'baseline') {
  // remark's serializer with its stock handlers, one core: the floor the issue quotes.
  const inDir = values.in as string;
  const names = readdirSync(inDir).sort().slice(0, Number(values.files));
  const texts = names.map((name) => readFileSync(path.join(inDir, name), 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const trees = texts.flatMap((text) => parseDump(text, 'x').articles.map((article) => toMdast(article.blocks)));
  const started = performance.now();
  for (const tree of trees) toMarkdown(tree);
  console.log(JSON.stringify({ ms: performance.now() - started, bytes, peakMB: peakMB() }));
} else {
  const started = performance.now();
  const summary = await runIngest({
    inDir: values.in as string,
    outDir: values.out as string,
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
    }),
  );
}
