/**
 * Which story each article belongs to, across the whole archive: articles
 * with the same text, articles the ledger already tied to one story, and
 * near-duplicates (`isSameStory`) are one story. A story keeps the id the
 * ledger knows it by; two known stories found to be one keep the smaller id.
 */
import type { Ledger, Owners } from './ledger.ts';
import { isSameStory } from './same-story.ts';
import { sortByKey } from './radix-sort.ts';
import { BandIndex } from './band-index.ts';
import { BANDS, candidateKeysInto } from './sketch.ts';

/** One article as the identity step sees it. */
export interface IdentityArticle {
  /** Content id: hash of the headline and body. */
  id: string;
  /** Headline slug words. */
  title: string;
  /** `sketchText(…).sketch`. */
  sketch: Uint16Array;
  /** `sketchText(…).shingles`. */
  shingles: number;
}

/** What to group. */
export interface AssignInput {
  /** Every article of the archive, in archive order. */
  articles: readonly IdentityArticle[];
  /**
   * Indexes of the articles to compare with all others: those read in this
   * run. Pairs of articles read earlier were compared when the later one was
   * read, and the ledger keeps what that found.
   */
  fresh: Iterable<number>;
  /** Articles of the last run that are gone (their dump changed or was deleted): a new version may match one. */
  departed?: readonly IdentityArticle[];
  ledger: Ledger;
  /** `publishedUrls` of the ledger, when the caller has it: the stories that own a URL. */
  published?: Owners;
}

/** The grouping. */
export interface Assignment {
  /** Story id of each article, by index. */
  storyOf: string[];
  /** Known stories found to be another: loser id → survivor id. */
  merged: Map<string, string>;
}

/**
 * Group articles into stories.
 *
 * @returns Each article's story id and the merges of known stories.
 */
export function assignStories(input: AssignInput): Assignment {
  const { articles, ledger } = input;
  const nodes = input.departed && input.departed.length > 0 ? [...articles, ...input.departed] : articles;
  const parent = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Known stories: those that own a URL or a version. Each node's, once.
  const known = new Set<string>();
  if (!input.published) ledger.urls.forEach((story) => known.add(story));
  ledger.texts.forEach((story) => known.add(story));
  const isKnown = input.published ? (id: string) => known.has(id) || (input.published as Owners).has(id) : (id: string) => known.has(id);
  const storyOfNode: (string | undefined)[] = new Array(nodes.length);
  const byStory = new Map<string, number>();
  const byContent = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const { id } = nodes[i] as IdentityArticle;
    const same = byContent.get(id);
    if (same === undefined) byContent.set(id, i);
    else union(same, i);
    const story = ledger.texts.get(id) ?? (isKnown(id) ? id : undefined);
    storyOfNode[i] = story;
    if (story === undefined) continue;
    const first = byStory.get(story);
    if (first === undefined) byStory.set(story, i);
    else union(first, i);
  }

  linkNearDuplicates(nodes, [...input.fresh], find, union);

  // Each group's known stories; the smallest id survives.
  const survivor = new Map<number, string>();
  for (let i = 0; i < nodes.length; i++) {
    const story = storyOfNode[i];
    if (story === undefined) continue;
    const root = find(i);
    const current = survivor.get(root);
    if (current === undefined || story < current) survivor.set(root, story);
  }
  const merged = new Map<string, string>();
  for (let i = 0; i < articles.length; i++) {
    const story = storyOfNode[i];
    if (story === undefined) continue;
    const winner = survivor.get(find(i));
    if (winner !== undefined && story !== winner) merged.set(story, winner);
  }
  // A new story is known by its first version's content id.
  const storyOf: string[] = new Array(articles.length);
  for (let i = 0; i < articles.length; i++) {
    const root = find(i);
    let winner = survivor.get(root);
    if (winner === undefined) {
      winner = (articles[root] ?? (articles[i] as IdentityArticle)).id;
      survivor.set(root, winner);
    }
    storyOf[i] = winner;
  }
  return { storyOf, merged };
}

/**
 * Join each fresh article with the near-duplicates among all nodes. Candidates
 * share a band of their sketch (not one of empty bins: `candidateKeysInto`) or
 * the exact headline; `isSameStory` decides.
 * The groups do not depend on the order pairs are compared in: each pair that
 * is the same story joins two groups, whichever comes first.
 */
function linkNearDuplicates(nodes: readonly IdentityArticle[], fresh: number[], find: (i: number) => number, union: (a: number, b: number) => void): void {
  if (fresh.length === 0) return;
  const isFresh = new Uint8Array(nodes.length);
  for (const j of fresh) isFresh[j] = 1;
  // Each pair once: two bodies alike share many bands (briefings of one
  // template share most), and a pair of fresh articles is met from both ends.
  const comparedWith = new Int32Array(nodes.length).fill(-1);
  let i = 0;
  const compare = (j: number) => {
    if (j === i || comparedWith[j] === i || (j < i && isFresh[i] === 1)) return;
    comparedWith[j] = i;
    if (find(i) === find(j)) return;
    if (isSameStory(nodes[i] as IdentityArticle, nodes[j] as IdentityArticle)) union(i, j);
  };

  const byTitle = new Map<string, number[]>();
  for (const j of fresh) {
    const { title } = nodes[j] as IdentityArticle;
    const list = byTitle.get(title);
    if (list) list.push(j);
    else byTitle.set(title, [j]);
  }
  for (i = 0; i < nodes.length; i++) byTitle.get((nodes[i] as IdentityArticle).title)?.forEach(compare);

  if (fresh.length * 8 >= nodes.length) {
    // Most articles are fresh (a first run): every node's bands are sorted
    // together, and each run of one key gives its pairs.
    for (const [a, b] of pairsSharingABand(nodes, isFresh)) {
      i = a;
      compare(b);
    }
    return;
  }
  // A few are (a re-run): their bands in an index, which every node looks its own up in.
  const byBand = new BandIndex(fresh.length * BANDS);
  const keys = new Uint32Array(BANDS);
  for (const j of fresh) {
    const { sketch } = nodes[j] as IdentityArticle;
    if (sketch.length === 0) continue;
    for (let k = 0, count = candidateKeysInto(sketch, keys); k < count; k++) byBand.add(keys[k] as number, j);
  }
  for (i = 0; i < nodes.length; i++) {
    const { sketch } = nodes[i] as IdentityArticle;
    if (sketch.length === 0) continue;
    for (let k = 0, count = candidateKeysInto(sketch, keys); k < count; k++) byBand.forEach(keys[k] as number, compare);
  }
}

const NODE_BITS = 2 ** 21;

/**
 * The pairs of nodes whose sketches share a band, one of them fresh, each
 * once, ordered by their first node.
 */
function pairsSharingABand(nodes: readonly IdentityArticle[], isFresh: Uint8Array): [number, number][] {
  if (nodes.length >= NODE_BITS) throw new RangeError(`${nodes.length} articles: the identity step handles up to ${NODE_BITS - 1}`);
  const bandKeys = new Uint32Array(nodes.length * BANDS);
  const owners = new Int32Array(nodes.length * BANDS);
  const keys = new Uint32Array(BANDS);
  let count = 0;
  nodes.forEach((node, i) => {
    if (node.sketch.length === 0) return;
    for (let k = 0, written = candidateKeysInto(node.sketch, keys); k < written; k++) {
      bandKeys[count] = keys[k] as number;
      owners[count++] = i;
    }
  });
  // Stable: within one key, nodes stay in archive order, so each pair comes first node first.
  const sorted = { keys: bandKeys.subarray(0, count), values: owners.subarray(0, count) };
  sortByKey(sorted.keys, sorted.values);
  const pairs: number[] = [];
  for (let start = 0; start < count; ) {
    const key = sorted.keys[start] as number;
    let end = start + 1;
    while (end < count && sorted.keys[end] === key) end++;
    for (let x = start; x < end; x++) {
      const a = sorted.values[x] as number;
      for (let y = x + 1; y < end; y++) {
        const b = sorted.values[y] as number;
        if (a !== b && (isFresh[a] === 1 || isFresh[b] === 1)) pairs.push(a * NODE_BITS + b);
      }
    }
    start = end;
  }
  const unique = Float64Array.from(pairs).sort();
  const result: [number, number][] = [];
  for (let x = 0; x < unique.length; x++) {
    const pair = unique[x] as number;
    if (x > 0 && pair === unique[x - 1]) continue;
    result.push([Math.floor(pair / NODE_BITS), pair % NODE_BITS]);
  }
  return result;
}
