/**
 * Collect the search filters while the index is built: each story's people,
 * places and organisations (by the slugs of their pages), the year of its
 * latest date, and its dump files (by the segments of their /sources/ pages).
 */
import type { Entry } from '../../entry-schema.ts';
import { slugifyName } from '../../site/knowledge/entity-slug.ts';
import { countSpelling, pickName, type Spellings } from '../../site/knowledge/pick-name.ts';
import { assignSourceKeys } from '../../site/source-key.ts';
import { encodeIds, FACET_KINDS, type FacetFile, type FacetKind } from '../format/facets.ts';

/** The parts of an entry the filters read. */
export type FacetSource = Pick<Entry, 'people' | 'places' | 'organisations' | 'latestDate' | 'source'>;

interface Value {
  spellings: Spellings;
  ids: number[];
}

/** Dump files sort as the site's sources listing sorts them, so both assign the same segments. */
const FILES = new Intl.Collator('en', { numeric: true });

/** Collects facet values story by story; ids must be added in ascending order. */
export class FacetCollector {
  readonly #values = new Map<FacetKind, Map<string, Value>>(FACET_KINDS.map((kind) => [kind, new Map()]));

  /**
   * Add a story's values.
   *
   * @param id The story's document id (ascending from call to call).
   * @param entry Its frontmatter.
   */
  add(id: number, entry: FacetSource): void {
    for (const name of entry.people) this.#put('person', slugifyName(name), name, id);
    for (const name of entry.places) this.#put('place', slugifyName(name), name, id);
    for (const name of entry.organisations) this.#put('organisation', slugifyName(name), name, id);
    if (entry.latestDate) this.#put('year', entry.latestDate.slice(0, 4), entry.latestDate.slice(0, 4), id);
    for (const source of entry.source) this.#put('source', source.file, source.file, id);
  }

  /**
   * The filter files.
   *
   * @returns One file per kind: values with the most stories first (years newest first).
   */
  finish(): Record<FacetKind, FacetFile> {
    const files = {} as Record<FacetKind, FacetFile>;
    const sourceKeys = assignSourceKeys([...(this.#values.get('source')?.keys() ?? [])].sort(FILES.compare));
    for (const kind of FACET_KINDS) {
      const values = [...(this.#values.get(kind) ?? [])].map(([key, value]): [string, string, number[]] => [
        kind === 'source' ? (sourceKeys.get(key) ?? key) : key,
        pickName(value.spellings),
        value.ids,
      ]);
      values.sort(kind === 'year' ? (a, b) => (a[0] < b[0] ? 1 : -1) : (a, b) => b[2].length - a[2].length || (a[0] < b[0] ? -1 : 1));
      files[kind] = { values: values.map(([slug, name, ids]) => [slug, name, encodeIds(ids)]) };
    }
    return files;
  }

  #put(kind: FacetKind, key: string, name: string, id: number): void {
    const values = this.#values.get(kind) as Map<string, Value>;
    let value = values.get(key);
    if (!value) values.set(key, (value = { spellings: new Map(), ids: [] }));
    // A story naming one entity twice (two spellings) is one story.
    if (value.ids.at(-1) === id) return;
    countSpelling(value.spellings, name);
    value.ids.push(id);
  }
}
