/**
 * Entity URLs that stay valid when better normalisation merges two names.
 *
 * Each build records, for every entity page it wrote, a few of its stories'
 * ids. An entity in that record but gone from this build (its name now folds
 * into another) redirects to the entity that now holds most of those stories;
 * its record is kept, so the redirect outlives later builds and a chain of
 * merges leads straight to the last name.
 *
 * The record is a text file kept in git beside the URL ledger, one line per
 * entity page, sorted, so that its history is the archive's entity URL history:
 *
 *   people hassan-nasrallah <story id> …            a page, and some of its stories
 *   people nasrallah > hassan-nasrallah <story id> …  an old page, and where it now leads
 *
 * Lines starting with "#" and blank lines are comments.
 */
import { z } from 'astro/zod';
import { ENTITY_KINDS, type EntityKind } from './types.ts';

/** Story ids recorded per entity: enough to find where its stories went. */
export const HISTORY_STORIES = 20;

/** The record kept between builds. */
export const EntityHistorySchema = z.object({
  version: z.literal(1),
  /** Story ids of each entity page ever written and still reachable, by `<kind>/<slug>`. */
  entities: z.record(z.string(), z.array(z.string())),
});

/** The record kept between builds. */
export type EntityHistory = z.output<typeof EntityHistorySchema>;

/** What the history needs of a current entity. */
export interface LiveEntity {
  kind: EntityKind;
  slug: string;
  /** Ids of its stories, the most telling first. */
  storyIds: readonly string[];
}

/** An old entity URL and where it now leads. */
export interface EntityRedirect {
  kind: EntityKind;
  from: string;
  to: string;
}

/**
 * Plan the redirects of entities gone since earlier builds, and the record to keep.
 *
 * @param history The record of earlier builds (an empty one on a first build).
 * @param live Every entity of this build.
 * @returns Redirects sorted by kind and slug, and the next record.
 */
export function planEntityRedirects(history: EntityHistory, live: readonly LiveEntity[]): { redirects: EntityRedirect[]; next: EntityHistory } {
  const current = new Set(live.map((entity) => `${entity.kind}/${entity.slug}`));
  // Where each story is now, per kind; only ids the history asks about are kept.
  const wanted = new Set(
    Object.entries(history.entities)
      .filter(([key]) => !current.has(key))
      .flatMap(([, ids]) => ids),
  );
  const holders = new Map<string, string[]>();
  for (const entity of live) {
    for (const id of entity.storyIds) {
      if (!wanted.has(id)) continue;
      const key = `${entity.kind}/${id}`;
      const list = holders.get(key) ?? [];
      if (list.length === 0) holders.set(key, list);
      list.push(entity.slug);
    }
  }
  const next: EntityHistory = { version: 1, entities: {} };
  for (const entity of live) next.entities[`${entity.kind}/${entity.slug}`] = entity.storyIds.slice(0, HISTORY_STORIES);
  const redirects: EntityRedirect[] = [];
  for (const [key, ids] of Object.entries(history.entities)) {
    if (current.has(key)) continue;
    const [kind, from] = splitKey(key);
    if (!kind || !from) continue;
    const to = pickHolder(ids.flatMap((id) => holders.get(`${kind}/${id}`) ?? []));
    if (!to) continue;
    redirects.push({ kind, from, to });
    next.entities[key] = ids;
  }
  redirects.sort((a, b) => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) || (a.from < b.from ? -1 : 1));
  return { redirects, next };
}

/** Read the JSON record of builds before the history was a text file in git; anything unreadable is an empty history. */
export function parseLegacyEntityHistory(text: string | undefined): EntityHistory {
  if (text === undefined) return { version: 1, entities: {} };
  try {
    const parsed = EntityHistorySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { version: 1, entities: {} };
  } catch {
    return { version: 1, entities: {} };
  }
}

/** A history file that cannot be read or says two things of one page: the build stops, naming the line. */
export class EntityHistoryError extends Error {
  readonly file: string;
  readonly line: number;
  readonly reason: string;

  /**
   * @param file The history file, as shown to the user.
   * @param line One-based line.
   * @param reason What was expected.
   */
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}; the entity history is left as it is: fix the line (git shows what changed) and build again`);
    this.name = 'EntityHistoryError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

const HEADER = `# Clippings entity history: every person, place and organisation page the site has published, with some of
# its stories, and where an old page now leads. Written by the build (README, "Entity URLs"); keep it in git beside
# url-ledger.txt. Lines: "<kind> <slug> <story id> …", "<kind> <old slug> > <slug> <story id> …".
`;
const STORY_ID = /^[0-9a-f]{16,64}$/;
const SLUG = /^[^\s/>#]+$/u;

/** The history and its redirects as read from the file. */
export interface ReadEntityHistory {
  history: EntityHistory;
  /** The redirects the build that wrote the file planned. */
  redirects: EntityRedirect[];
}

/**
 * Read a history file, checking that it is well formed and says one thing of each page.
 *
 * @param text The file's content.
 * @param file Its path as the user knows it, for errors.
 * @throws EntityHistoryError naming the first bad line.
 */
export function parseEntityHistory(text: string, file: string): ReadEntityHistory {
  const history: EntityHistory = { version: 1, entities: {} };
  const redirects: EntityRedirect[] = [];
  const lineOf = new Map<string, number>();
  const targets: { kind: EntityKind; to: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const fail = (reason: string): never => {
      throw new EntityHistoryError(file, i + 1, reason);
    };
    const [kind, slug, ...rest] = line.split(/\s+/);
    const known = ENTITY_KINDS.find((k) => k === kind);
    if (!known) fail(`cannot read "${line}", expected a line starting with ${ENTITY_KINDS.join(', ')}`);
    if (slug === undefined || !SLUG.test(slug))
      fail(`cannot read "${line}", expected "<kind> <slug> <story id> …" or "<kind> <old slug> > <slug> <story id> …"`);
    const key = `${kind}/${slug}`;
    const seen = lineOf.get(key);
    if (seen !== undefined) fail(`${key} is on line ${seen} too, expected one line per entity page`);
    lineOf.set(key, i + 1);
    let ids = rest;
    if (rest[0] === '>') {
      const to = rest[1];
      if (to === undefined || !SLUG.test(to)) fail(`cannot read where ${key} leads, expected "> <slug>"`);
      if (to === slug) fail(`${key} leads to itself, expected another page of its kind`);
      redirects.push({ kind: known as EntityKind, from: slug as string, to: to as string });
      targets.push({ kind: known as EntityKind, to: to as string, line: i + 1 });
      ids = rest.slice(2);
    }
    if (ids.length === 0) fail(`${key} lists no stories, expected at least one story id`);
    for (const id of ids) if (!STORY_ID.test(id)) fail(`"${id}" is not a story id, expected 16 to 64 hex digits`);
    history.entities[key] = ids;
  }
  // A redirect leads to a page the same build wrote, never to another old one.
  const moved = new Set(redirects.map((redirect) => `${redirect.kind}/${redirect.from}`));
  for (const { kind, to, line } of targets) {
    const key = `${kind}/${to}`;
    if (!lineOf.has(key) || moved.has(key))
      throw new EntityHistoryError(file, line, `it leads to ${key}, which is no page of this history, expected a line "${kind} ${to} <story id> …"`);
  }
  return { history, redirects };
}

/**
 * Write a history: a header, then one line per page, sorted by kind and slug.
 *
 * @param history The record to keep (`planEntityRedirects(…).next`).
 * @param redirects This build's redirects (`planEntityRedirects(…).redirects`).
 */
export function serializeEntityHistory(history: EntityHistory, redirects: readonly EntityRedirect[]): string {
  const target = new Map(redirects.map((redirect) => [`${redirect.kind}/${redirect.from}`, redirect.to]));
  const lines = Object.entries(history.entities).map(([key, ids]) => {
    const [kind, slug] = splitKey(key);
    const to = target.get(key);
    return `${kind} ${slug}${to === undefined ? '' : ` > ${to}`} ${ids.join(' ')}`;
  });
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${HEADER}${lines.map((line) => `${line}\n`).join('')}`;
}

function splitKey(key: string): [EntityKind | undefined, string | undefined] {
  const slash = key.indexOf('/');
  const kind = key.slice(0, slash);
  return [ENTITY_KINDS.find((k) => k === kind), slash > 0 ? key.slice(slash + 1) : undefined];
}

/** The slug named most often; the first A–Z among equals, so the choice is stable. */
function pickHolder(slugs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const slug of slugs) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [slug, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && slug < best)) {
      best = slug;
      bestCount = count;
    }
  }
  return best;
}
