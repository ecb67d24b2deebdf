/**
 * Entity URLs that stay valid when better normalisation merges two names.
 *
 * Each build records, for every entity page it wrote, a few of its stories'
 * ids. An entity in that record but gone from this build (its name now folds
 * into another) redirects to the entity that now holds most of those stories;
 * its record is kept, so the redirect outlives later builds and a chain of
 * merges leads straight to the last name.
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

/** Read a history file's text; anything unreadable is an empty history (a first build). */
export function parseEntityHistory(text: string | undefined): EntityHistory {
  if (text === undefined) return { version: 1, entities: {} };
  try {
    const parsed = EntityHistorySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { version: 1, entities: {} };
  } catch {
    return { version: 1, entities: {} };
  }
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
