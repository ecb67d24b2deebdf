/**
 * The site's Content-Security-Policy. Everything the pages load comes from
 * their own origin; inline, only the theme script and the code the build
 * writes into a page (`integrations/page-bundle.ts`), each allowed by the
 * hash of its exact text; no `eval`, no plugins, no framing. Story text
 * that slipped past the renderer as markup could therefore run nothing.
 * Build-time only (it hashes with `node:crypto`).
 */
import { createHash } from 'node:crypto';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** A CSP hash source for an inline script's exact text. */
export function hashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** Code written into pages, beyond the theme script: each text is allowed by its hash. */
export interface InlineCode {
  scripts: readonly string[];
  styles: readonly string[];
}

/**
 * The policy, as one header value.
 *
 * @param options.delivery "header" for `_headers` and servers; "meta" for the
 *   `<meta http-equiv>` copy in every page, which browsers refuse
 *   `frame-ancestors` in (hosts that cannot set headers, like GitHub Pages,
 *   still get the rest).
 * @param options.inline Code written into pages, allowed by its hashes.
 */
export function buildContentSecurityPolicy(options: { delivery: 'header' | 'meta'; inline?: InlineCode }): string {
  if (options.inline) return composePolicy(options.delivery, options.inline);
  // Every page asks for the meta copy: build each delivery's policy (and hash the script) once.
  let policy = POLICIES.get(options.delivery);
  if (policy === undefined) {
    policy = composePolicy(options.delivery, { scripts: [], styles: [] });
    POLICIES.set(options.delivery, policy);
  }
  return policy;
}

const POLICIES = new Map<'header' | 'meta', string>();

function composePolicy(delivery: 'header' | 'meta', inline: InlineCode): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", hashSource(THEME_INIT_SCRIPT), ...inline.scripts.map(hashSource)],
    ['style-src', "'self'", ...inline.styles.map(hashSource)],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map((directive) => directive.join(' ')).join('; ');
}
