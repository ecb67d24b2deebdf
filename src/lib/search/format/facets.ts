/**
 * Search filters (facets): for each kind, every value with the stories that
 * have it. The build writes one file per kind, `facets/<kind>.jz` (gzipped), fetched
 * only when a reader uses the filters, so a plain query downloads no more
 * than before.
 */

/** The filters, in the order the search page shows them; each is its URL parameter. */
export const FACET_KINDS = ['person', 'place', 'organisation', 'year', 'source'] as const;

/** One kind of filter. */
export type FacetKind = (typeof FACET_KINDS)[number];

/** What a filter file holds: values most stories first, each `[slug, name, ids]`, ids ascending and delta-coded. */
export interface FacetFile {
  values: Array<[slug: string, name: string, deltas: number[]]>;
}

/**
 * Delta-code ascending ids.
 *
 * @param ids Ids in ascending order.
 * @returns The first id, then each id's distance from the one before.
 */
export function encodeIds(ids: readonly number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - (ids[i - 1] as number)));
}

/**
 * Undo `encodeIds`.
 *
 * @param deltas Delta-coded ids.
 * @returns The ids, ascending.
 */
export function decodeIds(deltas: readonly number[]): Uint32Array {
  const ids = new Uint32Array(deltas.length);
  let id = 0;
  deltas.forEach((delta, i) => (ids[i] = id += delta));
  return ids;
}
