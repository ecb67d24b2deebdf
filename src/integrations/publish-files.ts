/**
 * Astro integration: once the site is built, write the files static hosts
 * read from the published folder (`_headers`).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContentSecurityPolicy, type InlineCode } from '../lib/site/content-security-policy.ts';
import { formatHeadersFile, listHeaderRules } from '../lib/site/headers-file.ts';

/**
 * The integration.
 *
 * @param options.base The site's base path (`SITE.base`).
 * @param options.inlineCode Code the build wrote into pages (`pageBundle`), asked for once the site is
 *   built: the policy allows it on every path, since a host applies every rule that matches a page
 *   and a page gets each policy it is sent.
 */
export function publishFiles(options: { base: string; inlineCode?: () => InlineCode }): AstroIntegration {
  return {
    name: 'clippings-publish-files',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const rules = listHeaderRules({ base: options.base, csp: buildContentSecurityPolicy({ delivery: 'header', inline: options.inlineCode?.() }) });
        await writeFile(path.join(fileURLToPath(dir), '_headers'), formatHeadersFile(rules));
      },
    },
  };
}
