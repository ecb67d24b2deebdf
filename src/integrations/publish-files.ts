/**
 * Astro integration: once the site is built, write the files static hosts
 * read from the published folder (`_headers`).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContentSecurityPolicy } from '../lib/site/content-security-policy.ts';
import { formatHeadersFile, listHeaderRules } from '../lib/site/headers-file.ts';

/**
 * The integration.
 *
 * @param options.base The site's base path (`SITE.base`).
 */
export function publishFiles(options: { base: string }): AstroIntegration {
  return {
    name: 'clippings-publish-files',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const rules = listHeaderRules({ base: options.base, csp: buildContentSecurityPolicy({ delivery: 'header' }) });
        await writeFile(path.join(fileURLToPath(dir), '_headers'), formatHeadersFile(rules));
      },
    },
  };
}
