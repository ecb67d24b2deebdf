/**
 * Evaluation of story identity (`npm run eval:identity`): missed merges on
 * generated re-scrapes of each kind, and false merges on an archive of
 * near-identical briefings and on unrelated generated stories, each through
 * the ingest's own grouping (`assignStories`: candidate lookup and decision).
 *
 *   npm run eval:identity [-- --stories 1000 --briefings 2000]
 */
import { parseArgs } from 'node:util';
import { contentId } from '../src/lib/ingest/build-entry.ts';
import type { ParsedArticle } from '../src/lib/ingest/types.ts';
import { identifyArticle } from '../src/lib/identity/article-identity.ts';
import { assignStories } from '../src/lib/identity/assign-stories.ts';
import { emptyLedger } from '../src/lib/identity/ledger.ts';
import { compareBodies, SAME_STORY, titleSimilarity } from '../src/lib/identity/same-story.ts';
import { generateBriefings, generateStories, RESCRAPES, rescrape } from './bench/generate-identity-cases.ts';
import { seededRandom } from './bench/random.ts';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '1000' }, briefings: { type: 'string', default: '2000' } } });

const group = (articles: ParsedArticle[]) =>
  assignStories({
    articles: articles.map((article) => ({ id: contentId(article), ...identifyArticle(article) })),
    fresh: articles.keys(),
    ledger: emptyLedger(),
  }).storyOf;

const cache = new WeakMap<ParsedArticle, { title: string; sketch: Uint16Array; shingles: number }>();
const features = (article: ParsedArticle) => {
  let known = cache.get(article);
  if (!known) {
    const { title, sketch, shingles } = identifyArticle(article);
    known = { title, sketch, shingles };
    cache.set(article, known);
  }
  return known;
};
const percentile = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.floor(p * (values.length - 1))] ?? NaN;

const stories = generateStories(Number(values.stories));
console.log(
  `eval:identity: ${stories.length} generated stories; thresholds: title ≥ ${SAME_STORY.title}, Jaccard ≥ ${SAME_STORY.jaccard}, containment ≥ ${SAME_STORY.containment}`,
);
console.log('\nMissed merges on re-scrapes (original and re-scrape grouped with the archive of originals):');
let missedAll = 0;
let falseAll = 0;
for (const kind of RESCRAPES) {
  const next = seededRandom(RESCRAPES.indexOf(kind) + 11);
  const copies = stories.map((story) => rescrape(story, kind, next));
  const storyOf = group([...stories, ...copies]);
  let missed = 0;
  const containments: number[] = [];
  for (let i = 0; i < stories.length; i++) {
    if (storyOf[i] !== storyOf[stories.length + i]) missed++;
    containments.push(compareBodies(features(stories[i]!), features(copies[i]!)).containment);
  }
  // Originals grouped with another original: a false merge.
  const owners = new Set(storyOf.slice(0, stories.length));
  const falseMerges = stories.length - owners.size;
  missedAll += missed;
  falseAll += falseMerges;
  console.log(
    `  ${kind.padEnd(40)} missed ${String(missed).padStart(5)} / ${stories.length} (${((100 * missed) / stories.length).toFixed(2)}%)   containment p1 ${percentile(containments, 0.01).toFixed(2)}, median ${percentile(containments, 0.5).toFixed(2)}`,
  );
}

const briefings = generateBriefings(Number(values.briefings));
const briefingStories = group(briefings);
const briefingFalse = briefings.length - new Set(briefingStories).size;
const sameTitle: number[] = [];
for (let i = 0; i < Math.min(briefings.length, 300); i++) {
  for (let j = i + 1; j < Math.min(briefings.length, 300); j++) {
    if (titleSimilarity(features(briefings[i]!).title, features(briefings[j]!).title) === 1) {
      sameTitle.push(compareBodies(features(briefings[i]!), features(briefings[j]!)).containment);
    }
  }
}
const unrelated = group(stories);
const unrelatedFalse = stories.length - new Set(unrelated).size;
console.log('\nFalse merges (stories grouped with another that is not the same story):');
console.log(
  `  ${briefings.length} near-identical briefings: ${briefingFalse}   (same-headline pairs: containment median ${percentile(sameTitle, 0.5).toFixed(2)}, p99 ${percentile(sameTitle, 0.99).toFixed(2)}, max ${percentile(sameTitle, 1).toFixed(2)})`,
);
console.log(`  ${stories.length} unrelated generated stories: ${unrelatedFalse}`);
console.log(`  originals across the re-scrape runs: ${falseAll}`);
console.log(`\nTotal: missed merges ${missedAll} / ${stories.length * RESCRAPES.length}; false merges ${briefingFalse + unrelatedFalse + falseAll}`);
