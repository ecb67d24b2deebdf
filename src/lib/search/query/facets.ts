/**
 * Search filters in the browser: which stories a selection allows, and how
 * many of the current results each value holds.
 */
import { decodeIds, FACET_KINDS, type FacetFile, type FacetKind } from '../format/facets.ts';

/** One value of a filter. */
export interface FacetValue {
  slug: string;
  name: string;
  /** Its stories' document ids, ascending. */
  ids: Uint32Array;
}

/** A filter's values, most stories first. */
export interface Facet {
  kind: FacetKind;
  values: FacetValue[];
  bySlug: Map<string, FacetValue>;
}

/** The chosen value of each filter in use, by slug. */
export type FacetSelection = Partial<Record<FacetKind, string>>;

/** A value with its count among the current results. */
export interface FacetCount {
  slug: string;
  name: string;
  count: number;
}

/**
 * Read a filter file.
 *
 * @param kind The filter.
 * @param json The file's text.
 */
export function decodeFacet(kind: FacetKind, json: string): Facet {
  const file = JSON.parse(json) as FacetFile;
  const values = file.values.map(([slug, name, deltas]) => ({ slug, name, ids: decodeIds(deltas) }));
  return { kind, values, bySlug: new Map(values.map((value) => [value.slug, value])) };
}

/**
 * The selection a URL asks for: one value per filter parameter.
 *
 * @param params The URL's search parameters.
 * @returns Each filter in use and its slug.
 */
export function readSelection(params: URLSearchParams): FacetSelection {
  const selection: FacetSelection = {};
  for (const kind of FACET_KINDS) {
    const slug = params.get(kind);
    if (slug) selection[kind] = slug;
  }
  return selection;
}

/**
 * The stories a selection allows: those holding every chosen value.
 *
 * @param facets The loaded filters.
 * @param selection The chosen values.
 * @param documentCount Stories in the index.
 * @returns A mask over document ids (1 = allowed); every id is allowed when nothing is chosen. An unknown value allows nothing.
 */
export function allowDocuments(facets: ReadonlyMap<FacetKind, Facet>, selection: FacetSelection, documentCount: number): Uint8Array {
  const chosen = FACET_KINDS.flatMap((kind) => (selection[kind] ? [facets.get(kind)?.bySlug.get(selection[kind])?.ids ?? new Uint32Array()] : []));
  const mask = new Uint8Array(documentCount);
  if (chosen.length === 0) return mask.fill(1);
  for (const ids of chosen) for (const id of ids) if (id < documentCount) mask[id] = (mask[id] as number) + 1;
  for (let id = 0; id < documentCount; id++) mask[id] = mask[id] === chosen.length ? 1 : 0;
  return mask;
}

/**
 * How many of the current results hold each value of a filter.
 *
 * @param facet The filter.
 * @param matches Mask over document ids of the current results (1 = a result).
 * @returns Values with at least one result, most first (the file's order among equals).
 */
export function countFacet(facet: Facet, matches: Uint8Array): FacetCount[] {
  const counts: FacetCount[] = [];
  for (const value of facet.values) {
    let count = 0;
    for (const id of value.ids) count += matches[id] ?? 0;
    if (count > 0) counts.push({ slug: value.slug, name: value.name, count });
  }
  return facet.kind === 'year' ? counts : counts.sort((a, b) => b.count - a.count);
}
