/**
 * The knowledge groupings and entity redirects, built once per build from the
 * archive every route shares.
 *
 * The entity history lives beside the entries (as the ingest's manifest does),
 * so it survives between builds of the same archive: see `entity-history.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SITE } from '../../site.config.ts';
import { loadArchive } from './load-archive.ts';
import { buildKnowledge } from './knowledge/build-knowledge.ts';
import { parseEntityHistory, planEntityRedirects, type EntityRedirect } from './knowledge/entity-history.ts';
import { ENTITY_KINDS, type Knowledge } from './knowledge/types.ts';

/** The groupings, and old entity slugs that now lead elsewhere. */
export interface LoadedKnowledge extends Knowledge {
  redirects: EntityRedirect[];
}

/** Where the entity history is kept between builds. */
export const ENTITY_HISTORY_FILE = path.join(SITE.articlesDir, '.entity-history.json');

let knowledge: Promise<LoadedKnowledge> | undefined;

/**
 * The knowledge groupings, built on first use.
 *
 * @returns The same groupings on every call of a build.
 */
export function loadKnowledge(): Promise<LoadedKnowledge> {
  const loaded =
    (import.meta.env.DEV ? undefined : knowledge) ??
    loadArchive().then((archive) => {
      const built = buildKnowledge(archive.stories);
      const live = ENTITY_KINDS.flatMap((kind) =>
        built.byCount[kind].map((entity) => ({ kind, slug: entity.slug, storyIds: entity.stories.map((story) => story.id) })),
      );
      const { redirects, next } = planEntityRedirects(parseEntityHistory(readText(ENTITY_HISTORY_FILE)), live);
      // The dev server rebuilds on every request: only a build records what it published.
      if (!import.meta.env.DEV) {
        mkdirSync(path.dirname(ENTITY_HISTORY_FILE), { recursive: true });
        writeFileSync(ENTITY_HISTORY_FILE, JSON.stringify(next));
      }
      return { ...built, redirects };
    });
  knowledge = loaded;
  return loaded;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
