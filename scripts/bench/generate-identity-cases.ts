/**
 * Generated cases for story identity: re-scrapes of generated stories (each
 * kind of change a re-scrape brings) and archives of near-identical
 * briefings, for `npm run eval:identity` and the property tests.
 */
import type { ParsedArticle } from '../../src/lib/ingest/types.ts';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { generateDumps } from './generate-dumps.ts';
import { capitalize, pick, seededRandom } from './random.ts';
import { COMMON_WORDS } from './vocabulary.ts';

/** The kinds of re-scrape. */
export const RESCRAPES = [
  'corrected word',
  'corrected figure',
  'changed caption or credit',
  'paragraph added at the end',
  'paragraph removed at the end',
  'white space and paragraph breaks',
  'corrected headline',
  'corrected headline and paragraph added',
] as const;
export type Rescrape = (typeof RESCRAPES)[number];

/** Generated stories, parsed as the ingest reads them. */
export function generateStories(count: number, seed = 1): ParsedArticle[] {
  const stories: ParsedArticle[] = [];
  for (const file of generateDumps({ articles: count, seed })) stories.push(...parseDump(file.text, file.name).articles);
  return stories;
}

const clone = (article: ParsedArticle): ParsedArticle => structuredClone(article);

function textIndexes(article: ParsedArticle): number[] {
  return article.blocks.flatMap((block, i) => (block.type === 'paragraph' ? [i] : []));
}

function replaceWord(text: string, next: () => number, by: string): string {
  const words = text.split(' ');
  words[Math.floor(next() * words.length)] = by;
  return words.join(' ');
}

/**
 * A re-scrape of a story: the change `kind` made at a random place.
 *
 * @param article The story as first scraped.
 * @param kind What the re-scrape changed.
 * @param next The random source.
 */
export function rescrape(article: ParsedArticle, kind: Rescrape, next: () => number): ParsedArticle {
  const copy = clone(article);
  const paragraphs = textIndexes(copy);
  const at = (pick(next, paragraphs) ?? 0) as number;
  const block = copy.blocks[at];
  const sentence = () => capitalize(`${Array.from({ length: 12 + Math.floor(next() * 14) }, () => pick(next, COMMON_WORDS)).join(' ')}.`);
  switch (kind) {
    case 'corrected word':
      if (block?.type === 'paragraph') block.text = replaceWord(block.text, next, pick(next, COMMON_WORDS));
      break;
    case 'corrected figure':
      if (block?.type === 'paragraph') block.text = replaceWord(block.text, next, `${Math.floor(next() * 9000) + 100}`);
      break;
    case 'changed caption or credit': {
      const caption = copy.captions[0];
      if (caption && next() < 0.5) caption.credit = caption.credit === 'AFP' ? 'Reuters' : 'AFP';
      else if (caption) caption.text = replaceWord(caption.text, next, pick(next, COMMON_WORDS));
      else copy.captions.push({ text: sentence(), credit: 'AFP', lead: true });
      break;
    }
    case 'paragraph added at the end':
      copy.blocks.push({ type: 'paragraph', text: `Update: ${sentence()} ${sentence()}`, line: 1 });
      break;
    case 'paragraph removed at the end':
      if (paragraphs.length > 1) copy.blocks.splice(paragraphs[paragraphs.length - 1] as number, 1);
      break;
    case 'white space and paragraph breaks': {
      // One paragraph split at a sentence, two others joined.
      if (block?.type === 'paragraph') {
        const cut = block.text.indexOf('. ');
        if (cut > 0) copy.blocks.splice(at, 1, { ...block, text: block.text.slice(0, cut + 1) }, { ...block, text: block.text.slice(cut + 2) });
      }
      const later = textIndexes(copy);
      const join = later[Math.floor(next() * (later.length - 1))];
      const first = join === undefined ? undefined : copy.blocks[join];
      const second = join === undefined ? undefined : copy.blocks[join + 1];
      if (join !== undefined && first?.type === 'paragraph' && second?.type === 'paragraph') {
        copy.blocks.splice(join, 2, { ...first, text: `${first.text} ${second.text}` });
      }
      break;
    }
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: a paragraph added, then the headline corrected as below
    case 'corrected headline and paragraph added':
      copy.blocks.push({ type: 'paragraph', text: `Update: ${sentence()} ${sentence()}`, line: 1 });
    // falls through
    case 'corrected headline': {
      const words = copy.title.split(' ');
      const i = Math.floor(next() * (words.length - 1));
      if (next() < 0.5) words[i] = pick(next, COMMON_WORDS);
      else words[i] = `${words[i]}s`;
      copy.title = words.join(' ');
      break;
    }
  }
  return copy;
}

const INTRO =
  'Good morning. This is your daily briefing from the newsroom, with the stories you need to know about today, what to watch for, and what our reporters are following around the region. Here is what is happening.';
const OUTRO =
  'That is all for today. Thank you for reading. If a friend forwarded this briefing, you can sign up to receive it every morning. Send us your comments and tips, and we will be back tomorrow with more news from around the region.';
const TITLES = ['Morning briefing', 'Your daily briefing', 'Live updates: the election', 'Evening briefing'];

/**
 * An archive of briefings: a few shared headlines, the same introduction and
 * sign-off, and a few items of news of their own. Boilerplate is about half
 * to four fifths of each.
 *
 * @param count How many briefings.
 * @param seed Random seed.
 */
export function generateBriefings(count: number, seed = 7): ParsedArticle[] {
  const next = seededRandom(seed);
  const stories = generateStories(Math.max(1, Math.ceil(count / 4)), seed);
  const sentences = stories.flatMap((story) => story.blocks.flatMap((block) => (block.type === 'paragraph' ? block.text.split(/(?<=\.) /) : [])));
  return Array.from({ length: count }, (_, index) => {
    const items = 2 + Math.floor(next() * 4);
    const blocks: ParsedArticle['blocks'] = [{ type: 'paragraph', text: INTRO, line: 3 }];
    for (let i = 0; i < items; i++) blocks.push({ type: 'paragraph', text: pick(next, sentences), line: 4 + i });
    blocks.push({ type: 'paragraph', text: OUTRO, line: 4 + items });
    return { title: pick(next, TITLES), captions: [], blocks, index, line: 1 };
  });
}
