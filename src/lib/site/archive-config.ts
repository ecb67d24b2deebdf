/**
 * The archive's configuration: the schema of `clippings.config.ts` and the
 * environment variables that override it for one build. Pure (no Node
 * imports), so the config file can be loaded anywhere.
 */
import { z } from 'astro/zod';

/** A path the site lives under: "/" or "/segments/", however it was written. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const WHOLE = 'expected a whole number above 0';
const positive = z.number({ error: WHOLE }).int({ error: WHOLE }).positive({ error: WHOLE });
const text = z.string().trim().min(1, { error: 'expected some text' });

export const ArchiveConfigSchema = z.object({
  /** The archive's name. */
  name: text,
  /** One line on what it holds. */
  description: text,
  /** Interface language, a BCP 47 tag. */
  lang: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { error: 'expected a language tag such as "en" or "pt-BR"' }),
  /** Public origin ("https://example.org"); a path here is ignored, use `base`. */
  url: z.url({ error: 'expected an absolute URL such as "https://example.org"' }).transform((url) => new URL(url).origin),
  /** Path below the origin, normalized to start and end with "/". */
  base: z
    .string()
    .regex(/^[\w\-./~%]*$/, { error: 'expected a URL path such as "/" or "/archive/"' })
    .transform(normalizeBase),
  /** Stories per listing page. */
  pageSize: positive,
  /** Headlines per page of the A–Z index. */
  indexPageSize: positive,
  /** Stories in the RSS feed. */
  feedSize: positive,
  /** Social preview images for story pages: always, never, or "auto" (up to a size, see DESIGN.md). */
  socialImages: z.union([z.boolean(), z.literal('auto')], { error: 'expected true, false or "auto"' }),
});

/** What `clippings.config.ts` may say; every field has the default shown there. */
export type ArchiveConfigInput = z.input<typeof ArchiveConfigSchema>;
/** The validated configuration. */
export type ArchiveConfig = z.output<typeof ArchiveConfigSchema>;

/** Identity for the config file's `export default`, so editors type-check it. */
export function defineArchive(config: ArchiveConfigInput): ArchiveConfigInput {
  return config;
}

/** Environment variables that override a field, for benchmarks, tests and CI. */
export const ENV_OVERRIDES = {
  name: 'CLIPPINGS_NAME',
  description: 'CLIPPINGS_DESCRIPTION',
  lang: 'CLIPPINGS_LANG',
  url: 'CLIPPINGS_SITE_URL',
  base: 'CLIPPINGS_BASE',
  pageSize: 'CLIPPINGS_PAGE_SIZE',
  indexPageSize: 'CLIPPINGS_INDEX_PAGE_SIZE',
  feedSize: 'CLIPPINGS_FEED_SIZE',
  socialImages: 'CLIPPINGS_SOCIAL_IMAGES',
} as const satisfies Record<keyof ArchiveConfig, string>;

/**
 * The configuration a build uses: the file's fields, each overridden by its
 * environment variable when that is set and not empty.
 *
 * @param file What `clippings.config.ts` exports.
 * @param env The environment (`process.env`).
 * @throws Error naming the field and the variable when a value is invalid.
 */
export function resolveArchiveConfig(file: ArchiveConfigInput, env: Record<string, string | undefined>): ArchiveConfig {
  const merged: Record<string, unknown> = { ...file };
  for (const [field, variable] of Object.entries(ENV_OVERRIDES)) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    const fallback = file[field as keyof ArchiveConfigInput];
    if (typeof fallback === 'number') merged[field] = Number(value);
    else if (field === 'socialImages') merged[field] = value === 'true' ? true : value === 'false' ? false : value;
    else merged[field] = value;
  }
  const result = ArchiveConfigSchema.safeParse(merged);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = String(issue.path[0]);
    const variable = ENV_OVERRIDES[field as keyof ArchiveConfig];
    const from = variable && env[variable] ? `${variable}=${JSON.stringify(env[variable])}` : `clippings.config.ts: ${field}`;
    return `config: ${from}: ${issue.message}`;
  });
  throw new Error(problems.join('\n'));
}
