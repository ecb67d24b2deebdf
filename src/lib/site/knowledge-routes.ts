/**
 * The static paths of the knowledge pages, shared by the routes of each kind
 * so `src/pages/` only renders. Every listing is paginated with Astro's
 * `paginate()`, so no page grows with the archive.
 */
import type { PaginateFunction } from 'astro';
import { SITE } from '../../site.config.ts';
import { loadKnowledge } from './load-knowledge.ts';
import { entityHref } from './knowledge/knowledge-urls.ts';
import type { EntityKind } from './knowledge/types.ts';

/**
 * Every page of every entity of a kind, and a redirect page for each old slug.
 *
 * @param kind The kind of entity.
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/<kind>/[slug]/[...page].astro`.
 */
export async function listEntityPaths(kind: EntityKind, paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  const pages = knowledge.byCount[kind].flatMap((entity) =>
    paginate(entity.stories, {
      params: { slug: entity.slug },
      props: { entity, speaker: kind === 'people' ? knowledge.speakersBySlug.get(entity.slug) : undefined },
      pageSize: SITE.pageSize,
    }),
  );
  const moved = knowledge.redirects
    .filter((redirect) => redirect.kind === kind)
    .map((redirect) => ({
      params: { slug: redirect.from, page: undefined },
      props: { redirect: { to: entityHref(kind, redirect.to), name: knowledge.bySlug[kind].get(redirect.to)?.name ?? redirect.to } },
    }));
  return [...pages, ...moved];
}

/**
 * The pages of a kind's index, by count or A–Z.
 *
 * @param kind The kind of entity.
 * @param order By story count, or A–Z.
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/<kind>/[...page].astro` or `src/pages/<kind>/a-z/[...page].astro`.
 */
export async function listEntityIndexPaths(kind: EntityKind, order: 'count' | 'a-z', paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  const entities = order === 'count' ? knowledge.byCount[kind] : knowledge.alphabetical[kind];
  return paginate(entities, { props: { kind, order }, pageSize: SITE.indexPageSize });
}

/**
 * Every page of every period's timeline (a month, or a year alone).
 *
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/dates/[period]/[...page].astro`.
 */
export async function listPeriodPaths(paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  return [...knowledge.periods.values()].flatMap((period) => {
    const year = knowledge.years.find((group) => group.year === period.key.slice(0, 4));
    const months = period.key.length === 4 ? (year?.months ?? []) : [];
    return paginate(period.mentions, { params: { period: period.key }, props: { period, months }, pageSize: SITE.pageSize });
  });
}

/**
 * Every page of the stories whose latest date falls in a period.
 *
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/dates/[period]/stories/[...page].astro`.
 */
export async function listPeriodStoryPaths(paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  return [...knowledge.periods.values()]
    .filter((period) => period.stories.length > 0)
    .flatMap((period) => paginate(period.stories, { params: { period: period.key }, props: { key: period.key }, pageSize: SITE.pageSize }));
}

/**
 * Every page of the newest-first listing.
 *
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/latest/[...page].astro`.
 */
export async function listNewestFirstPaths(paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  const dated = knowledge.newestFirst.filter((story) => story.latestDate).length;
  return paginate(knowledge.newestFirst, { props: { dated }, pageSize: SITE.pageSize });
}

/**
 * Every page of the speakers index, most quoted first.
 *
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/quotes/[...page].astro`.
 */
export async function listSpeakerIndexPaths(paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  const quotes = knowledge.speakers.reduce((sum, speaker) => sum + speaker.quotes.length, 0);
  return paginate(knowledge.speakers, { props: { quotes }, pageSize: SITE.indexPageSize });
}

/**
 * Every page of every speaker's quotes.
 *
 * @param paginate Astro's paginate function.
 * @returns Paths for `src/pages/quotes/[speaker]/[...page].astro`.
 */
export async function listSpeakerPaths(paginate: PaginateFunction) {
  const knowledge = await loadKnowledge();
  return knowledge.speakers.flatMap((speaker) =>
    paginate(speaker.quotes, {
      params: { speaker: speaker.slug },
      props: { speaker, person: knowledge.bySlug.people.get(speaker.slug) },
      pageSize: SITE.pageSize,
    }),
  );
}
