/**
 * The search page's filters: person, place, organisation, year and source,
 * each value with its count among the current results. The chosen values live
 * in the URL (`?q=ceasefire&person=<slug>&year=2024`); with no query they
 * browse. This module and the filter files load only when the reader opens
 * the filters or arrives at a URL that uses one.
 */
import { allowDocuments, countFacet, decodeFacet, readSelection, type Facet, type FacetSelection } from '../../lib/search/query/facets.ts';
import { FACET_KINDS, type FacetKind } from '../../lib/search/format/facets.ts';
import { PACKED_EXTENSION, unpackText } from '../../lib/search/format/packed-file.ts';
import type { SearchFilter } from './browser-search.ts';
import { groupDigits } from './render-results.ts';

/** Values listed under each filter; the chosen one is always listed. */
const SHOWN_VALUES = 8;

const LABELS: Record<FacetKind, string> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  year: 'Year',
  source: 'Source',
};

/** The filters of the search page. */
export interface SearchFilters {
  /** The filter to search with: the chosen values, and every story's year for browsing. */
  filter(): SearchFilter;
  /** Whether the URL chooses any value. */
  chosen(): boolean;
  /** A description of the chosen values, for the status line ("Person: Amal Haddad, Year: 2024"). */
  describe(): string;
  /**
   * Show each filter's values with their counts among the results.
   *
   * @param matches Mask over document ids of the current results.
   */
  render(matches: Uint8Array): void;
}

/**
 * Load the filter files and wire the filters' panel.
 *
 * @param options.base URL of the index folder, ending in "/".
 * @param options.panel The element the filter groups are drawn in.
 * @param options.onChange Called after a value is chosen or removed (the URL already changed).
 */
export async function loadSearchFilters(options: { base: string; panel: HTMLElement; onChange: () => void }): Promise<SearchFilters> {
  const facets = new Map<FacetKind, Facet>(
    await Promise.all(
      FACET_KINDS.map(async (kind): Promise<[FacetKind, Facet]> => {
        const response = await fetch(`${options.base}facets/${kind}${PACKED_EXTENSION}`);
        if (!response.ok) throw new Error(`search: cannot fetch the ${kind} filter: HTTP ${response.status}`);
        return [kind, decodeFacet(kind, await unpackText(new Uint8Array(await response.arrayBuffer())))];
      }),
    ),
  );
  // Every story has a dump file, so the source filter spans every document id.
  let documentCount = 0;
  for (const value of facets.get('source')?.values ?? []) documentCount = Math.max(documentCount, (value.ids.at(-1) ?? -1) + 1);
  const years = new Uint16Array(documentCount);
  for (const value of facets.get('year')?.values ?? []) for (const id of value.ids) years[id] = Number(value.slug);

  const selection = (): FacetSelection => readSelection(new URL(location.href).searchParams);
  const hrefWith = (kind: FacetKind, slug: string | undefined): string => {
    const url = new URL(location.href);
    if (slug) url.searchParams.set(kind, slug);
    else url.searchParams.delete(kind);
    return url.href;
  };

  options.panel.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    options.onChange();
    options.panel.querySelector<HTMLElement>(`[data-filter-group="${link.dataset.filter}"] a`)?.focus();
  });

  return {
    filter: () => ({ allowed: allowDocuments(facets, selection(), documentCount), rank: (id) => years[id] ?? 0 }),
    chosen: () => Object.keys(selection()).length > 0,
    describe: () => {
      const chosen = selection();
      return FACET_KINDS.flatMap((kind) => {
        const slug = chosen[kind];
        return slug ? [`${LABELS[kind]}: ${facets.get(kind)?.bySlug.get(slug)?.name ?? slug}`] : [];
      }).join(', ');
    },
    render(matches) {
      const chosen = selection();
      const groups = FACET_KINDS.map((kind) => {
        const facet = facets.get(kind) as Facet;
        const counts = countFacet(facet, matches);
        const slug = chosen[kind];
        const shown = counts.slice(0, SHOWN_VALUES);
        const current = slug ? (counts.find((c) => c.slug === slug) ?? { slug, name: facet.bySlug.get(slug)?.name ?? slug, count: 0 }) : undefined;
        if (current && !shown.some((c) => c.slug === current.slug)) shown.unshift(current);
        if (shown.length === 0) return null;
        const group = document.createElement('div');
        group.className = 'search-filter-group';
        group.dataset.filterGroup = kind;
        const heading = document.createElement('h2');
        heading.id = `search-filter-${kind}`;
        heading.textContent = LABELS[kind];
        const list = document.createElement('ul');
        list.setAttribute('aria-labelledby', heading.id);
        for (const value of shown) {
          const item = document.createElement('li');
          const link = document.createElement('a');
          const isChosen = value.slug === slug;
          link.href = hrefWith(kind, isChosen ? undefined : value.slug);
          link.dataset.filter = kind;
          link.dir = 'auto';
          if (isChosen) link.setAttribute('aria-current', 'true');
          const name = document.createElement('bdi');
          name.textContent = value.name;
          link.append(name, ` (${groupDigits(value.count)})`);
          if (isChosen) {
            const remove = document.createElement('span');
            remove.className = 'visually-hidden';
            remove.textContent = ', chosen: remove this filter';
            link.append(remove);
          }
          item.append(link);
          list.append(item);
        }
        group.append(heading, list);
        return group;
      });
      options.panel.replaceChildren(...groups.filter((group) => group !== null));
    },
  };
}
