/**
 * Inline photos benchmark, for `bench-ingest.ts`: one article with 8,000
 * inline photos (each caption printed twice, as the dumps print them) against
 * the same article without them, through the ingest's core (parse, build,
 * serialize). Prints the ratio of their times: the target is at most 3×.
 *
 *   node --expose-gc scripts/bench/bench-captions.ts [--photos 8000]
 */
import { parseArgs } from 'node:util';
import { buildEntry, contentId } from '../../src/lib/ingest/build-entry.ts';
import { makeSlug } from '../../src/lib/ingest/slug.ts';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { serializeEntry } from '../../src/lib/ingest/serialize-entry.ts';

const { values } = parseArgs({ options: { photos: { type: 'string', default: '8000' } } });
const photos = Number(values.photos);
const RUNS = 7;
// Run with --expose-gc: each measured run then starts with a clean heap, so
// one run does not pay for the garbage of the one before.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** A story of `photos` paragraphs, each followed by a distinct photo caption printed twice, or by nothing. */
function article(withPhotos: boolean): string {
  const lines = ['Harbour Works Photographed Week by Week', '', 'TT', '', 'Harbour Works Photographed Week by Week', ''];
  for (let i = 0; i < photos; i++) {
    lines.push(
      `In week ${i} the crews moved another section of the breakwater into place, and the engineers checked the new pilings against the tide tables before the next shift began.`,
    );
    // Captions alike at both ends, as an agency's are: no cheap test tells them apart.
    if (withPhotos) lines.push(`A crane lifts section ${i} of the breakwater (AFP)`, `A crane lifts section ${i} of the breakwater  (AFP)`);
  }
  return `${lines.join('\n')}\n`;
}

// CPU time of this thread, in ms: on a shared machine, wall time also counts
// the time other processes held the core.
const now = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Each stage's CPU time for one article, in ms. */
function ingestOne(text: string): { parse: number; build: number; serialize: number } {
  const t0 = now();
  const [parsed] = parseDump(text, 'bench.txt').articles;
  if (!parsed) throw new Error('bench-captions: the article did not parse');
  const t1 = now();
  const id = contentId(parsed);
  const built = buildEntry(parsed, [{ file: 'bench.txt', index: parsed.index, line: parsed.line }], { id, slug: makeSlug(parsed.title, id) });
  const t2 = now();
  serializeEntry(built.entry, built.body);
  return { parse: t1 - t0, build: t2 - t1, serialize: now() - t2 };
}

type Stages = ReturnType<typeof ingestOne> & { total: number };

/** The median run by total, after one to warm up. */
function median(text: string): Stages {
  ingestOne(text);
  const runs: Stages[] = [];
  for (let run = 0; run < RUNS; run++) {
    collect();
    const stages = ingestOne(text);
    runs.push({ ...stages, total: stages.parse + stages.build + stages.serialize });
  }
  return runs.sort((a, b) => a.total - b.total)[Math.floor(RUNS / 2)] as Stages;
}

const plain = article(false);
const illustrated = article(true);
const without = median(plain);
const withPhotos = median(illustrated);
const kb = (text: string) => `${Math.round(Buffer.byteLength(text) / 1024)} KB`;
const ratio = (stage: keyof Stages) => `${(withPhotos[stage] / without[stage]).toFixed(2)}×`;
console.log(
  `bench:ingest inline photos: one article of ${photos.toLocaleString('en')} paragraphs (${kb(plain)}), ` +
    `and the same with ${photos.toLocaleString('en')} inline photos (${kb(illustrated)}): ` +
    `${without.total.toFixed(0)} ms and ${withPhotos.total.toFixed(0)} ms, ${ratio('total')} (CPU time, median of ${RUNS}; target ≤ 3×); ` +
    `parse ${ratio('parse')}, build ${ratio('build')}, serialize ${ratio('serialize')}`,
);
