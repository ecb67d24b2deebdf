/**
 * People, places and organisations: each name's stories and the names most
 * often beside it.
 */
import type { Story } from '../story.ts';
import { compareTitles } from '../title-index.ts';
import { countCoMentions } from './co-mentions.ts';
import { slugifyName } from './entity-slug.ts';
import { countSpelling, pickName, type Spellings } from './pick-name.ts';
import { ENTITY_KINDS, type Entity, type EntityKind } from './types.ts';

/** Names shown as "mentioned alongside" on an entity's page. */
export const RELATED_LIMIT = 8;

interface Draft {
  kind: EntityKind;
  slug: string;
  spellings: Spellings;
  stories: number[];
}

/**
 * Group every story's names into entities.
 *
 * @param stories Every story, in the order an entity lists stories that tie on date.
 * @returns Each kind's entities, in order of first appearance; stories keep the input order.
 */
export function groupEntities(stories: readonly Story[]): Entity[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  const storyEntities = stories.map((story, storyIndex) => {
    const numbers: number[] = [];
    for (const kind of ENTITY_KINDS) {
      for (const name of story[kind]) {
        const slug = slugifyName(name);
        const key = `${kind}/${slug}`;
        let number = byKey.get(key);
        if (number === undefined) {
          number = drafts.length;
          byKey.set(key, number);
          drafts.push({ kind, slug, spellings: new Map(), stories: [] });
        }
        const draft = drafts[number] as Draft;
        // Two spellings of one name in a story count once.
        if (draft.stories.at(-1) === storyIndex) continue;
        countSpelling(draft.spellings, name);
        draft.stories.push(storyIndex);
        numbers.push(number);
      }
    }
    return numbers;
  });
  const names = drafts.map((draft) => pickName(draft.spellings));
  const related = countCoMentions(
    storyEntities,
    drafts.map((draft) => draft.stories),
    RELATED_LIMIT,
  );
  return drafts.map((draft, number) => ({
    kind: draft.kind,
    slug: draft.slug,
    name: names[number] ?? draft.slug,
    stories: draft.stories.map((index) => stories[index] as Story),
    related: (related[number] ?? []).map(([other, count]) => {
      const { kind, slug } = drafts[other] as Draft;
      return { kind, slug, name: names[other] ?? slug, count };
    }),
  }));
}

/**
 * Order entities by how many stories name them, most first; A–Z among equals.
 *
 * @param a An entity.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
export function compareByCount(a: Entity, b: Entity): number {
  return b.stories.length - a.stories.length || compareTitles(a.name, b.name);
}

/**
 * Order entities A–Z by name.
 *
 * @param a An entity.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
export function compareByName(a: Entity, b: Entity): number {
  return compareTitles(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
