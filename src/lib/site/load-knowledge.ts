/**
 * The knowledge groupings and entity redirects, built once per build from the
 * archive every route shares.
 *
 * The entity history is kept in git beside the URL ledger (`SITE.entityHistoryFile`),
 * so entity redirects survive a fresh clone: see `entity-history.ts`.
 */
import { SITE } from '../../site.config.ts';
import { loadArchive } from './load-archive.ts';
import { buildKnowledge } from './knowledge/build-knowledge.ts';
import { planEntityRedirects, serializeEntityHistory, type EntityRedirect } from './knowledge/entity-history.ts';
import { readEntityHistory, writeEntityHistory } from './entity-history-fs.ts';
import { ENTITY_KINDS, type Knowledge } from './knowledge/types.ts';

/** The groupings, and old entity slugs that now lead elsewhere. */
export interface LoadedKnowledge extends Knowledge {
  redirects: EntityRedirect[];
}

let knowledge: Promise<LoadedKnowledge> | undefined;

const HISTORY =
  typeof __CLIPPINGS_ENTITY_HISTORY__ === 'object' ? __CLIPPINGS_ENTITY_HISTORY__ : { file: SITE.entityHistoryFile, articlesDir: SITE.articlesDir };

/**
 * The knowledge groupings, built on first use.
 *
 * @returns The same groupings on every call of a build.
 */
export function loadKnowledge(): Promise<LoadedKnowledge> {
  const loaded =
    (import.meta.env.MODE === 'development' ? undefined : knowledge) ??
    loadArchive().then((archive) => {
      const built = buildKnowledge(archive.stories);
      const live = ENTITY_KINDS.flatMap((kind) =>
        built.byCount[kind].map((entity) => ({ kind, slug: entity.slug, storyIds: entity.stories.map((story) => story.id) })),
      );
      const { redirects, next } = planEntityRedirects(readEntityHistory(HISTORY.file, HISTORY.articlesDir).history, live);
      // The dev server rebuilds on every request: only a build records what it
      // published. (Its mode, not DEV, which NODE_ENV=test turns on in a build.)
      if (import.meta.env.MODE !== 'development') writeEntityHistory(HISTORY.file, serializeEntityHistory(next, redirects));
      return { ...built, redirects };
    });
  knowledge = loaded;
  return loaded;
}
