/**
 * Which story each article belongs to, across the whole archive: articles
 * with the same text, articles the ledger already tied to one story, and
 * near-duplicates (`isSameStory`) are one story. A story keeps the id the
 * ledger knows it by; two known stories found to be one keep the smaller id.
 */
import type { Ledger } from './ledger.ts';
import { isSameStory } from './same-story.ts';
import { BANDS, bandKeysInto } from './sketch.ts';

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
  ledger.urls.forEach((story) => known.add(story));
  ledger.texts.forEach((story) => known.add(story));
  const storyOfNode: (string | undefined)[] = new Array(nodes.length);
  const byStory = new Map<string, number>();
  const byContent = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const { id } = nodes[i] as IdentityArticle;
    const same = byContent.get(id);
    if (same === undefined) byContent.set(id, i);
    else union(same, i);
    const story = ledger.texts.get(id) ?? (known.has(id) ? id : undefined);
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
 * share a band of their sketch or the exact headline; `isSameStory` decides.
 */
function linkNearDuplicates(nodes: readonly IdentityArticle[], fresh: number[], find: (i: number) => number, union: (a: number, b: number) => void): void {
  if (fresh.length === 0) return;
  const byBand = new Map<number, number[]>();
  const byTitle = new Map<string, number[]>();
  // Bands of the fresh articles, by their low bits: most nodes share none,
  // and are passed over without a map lookup.
  const seen = new Uint8Array(1 << 16);
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const keys = new Uint32Array(BANDS);
  for (const i of fresh) {
    const node = nodes[i] as IdentityArticle;
    add(byTitle, node.title, i);
    if (node.sketch.length === 0) continue;
    bandKeysInto(node.sketch, keys);
    for (const key of keys) {
      add(byBand, key, i);
      seen[key & 0xffff] = 1;
    }
  }
  const compare = (i: number, candidates: number[] | undefined) => {
    for (const j of candidates ?? []) {
      if (j === i || find(i) === find(j)) continue;
      if (isSameStory(nodes[i] as IdentityArticle, nodes[j] as IdentityArticle)) union(i, j);
    }
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as IdentityArticle;
    compare(i, byTitle.get(node.title));
    if (node.sketch.length === 0) continue;
    bandKeysInto(node.sketch, keys);
    for (const key of keys) if (seen[key & 0xffff] === 1) compare(i, byBand.get(key));
  }
}
