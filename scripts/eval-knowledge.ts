/**
 * Evaluate the knowledge extractor on a hand-labelled set.
 *
 *   npm run eval:knowledge -- --set eval/knowledge/own [--raw <dir>] [--verbose]
 *
 * A set is a folder holding `gold.json` (labels by title) and `raw/*.txt`
 * (dumps in the archive's layout); `--raw` reads the dumps from elsewhere
 * (the seeds' labels live in the project, their text in ../shared/seeds).
 * Exit status 0 when every target of issue 11 is met, 1 when one is not, 2 on wrong usage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDump } from '../src/lib/ingest/parse-dump.ts';
import { extractKnowledge, type Knowledge } from '../src/lib/knowledge/extract-knowledge.ts';
import { foldName } from '../src/lib/knowledge/classify-name.ts';
import { scoreKnowledge, value, type GoldStory, type Ratio } from './lib/score-knowledge.ts';

const USAGE = 'usage: npm run eval:knowledge -- --set <dir> [--raw <dir>] [--verbose]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { set: { type: 'string' }, raw: { type: 'string' }, verbose: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`eval:knowledge: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.set) {
    console.error(USAGE);
    return 2;
  }
  const gold = JSON.parse(readFileSync(path.join(values.set, 'gold.json'), 'utf8')) as Record<string, GoldStory>;
  const rawDir = values.raw ?? path.join(values.set, 'raw');
  const extracted = new Map<string, Knowledge>();
  let bytes = 0;
  let ms = 0;
  for (const name of readdirSync(rawDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(rawDir, name), 'utf8');
    for (const article of parseDump(text, name).articles) {
      const start = performance.now();
      extracted.set(foldName(article.title), extractKnowledge(article));
      ms += performance.now() - start;
    }
    bytes += Buffer.byteLength(text);
  }
  const missing = Object.keys(gold).filter((title) => !extracted.has(foldName(title)));
  for (const title of missing) console.error(`eval:knowledge: ${title}: no story with this title in ${rawDir}`);

  const score = scoreKnowledge(gold, extracted);
  if (values.verbose) for (const note of score.notes) console.log(note);
  const row = (label: string, r: Ratio, target: number) =>
    `${label.padEnd(22)} ${value(r).toFixed(3)}  (${r.hit}/${r.of})  target ≥ ${target}  ${value(r) >= target ? 'ok' : 'BELOW'}`;
  const stories = Object.keys(gold).length;
  console.log(`${stories} stories, ${(bytes / 1024).toFixed(1)} KiB of dumps, extraction ${ms.toFixed(0)} ms`);
  console.log(row('entity recall', score.entityRecall, 0.85));
  console.log(row('entity precision', score.entityPrecision, 0.85));
  console.log(row('quote recall', score.quoteRecall, 0.85));
  console.log(row('quote precision', score.quotePrecision, 0.85));
  console.log(row('date recall', score.dateRecall, 0.9));
  console.log(row('date precision', score.datePrecision, 0.9));
  console.log(
    `latestDate within 7 days  ${stories - score.latestMisses.length}/${stories}  target: all but one  ${score.latestMisses.length <= 1 ? 'ok' : 'BELOW'}`,
  );
  for (const miss of score.latestMisses) console.log(`  ${miss}`);
  console.log(`invented dates            ${score.invented.length}  target: 0  ${score.invented.length === 0 ? 'ok' : 'BELOW'}`);
  for (const story of score.invented) console.log(`  ${story}`);
  if (score.forbidden.length) console.log(`tagged though labelled not an entity: ${score.forbidden.join('; ')}`);
  const met =
    value(score.entityRecall) >= 0.85 &&
    value(score.entityPrecision) >= 0.85 &&
    value(score.quoteRecall) >= 0.85 &&
    value(score.quotePrecision) >= 0.85 &&
    value(score.dateRecall) >= 0.9 &&
    value(score.datePrecision) >= 0.9 &&
    score.latestMisses.length <= 1 &&
    score.invented.length === 0 &&
    missing.length === 0;
  return met ? 0 : 1;
}

process.exitCode = main();
