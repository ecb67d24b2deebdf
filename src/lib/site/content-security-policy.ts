/**
 * The site's Content-Security-Policy. Everything the pages load comes from
 * their own origin; the only inline script is the theme script, allowed by
 * its hash; no inline style, no `eval`, no plugins, no framing. Story text
 * that slipped past the renderer as markup could therefore run nothing.
 * Build-time only (it hashes with `node:crypto`).
 */
import { createHash } from 'node:crypto';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** A CSP hash source for an inline script's exact text. */
export function hashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The policy, as one header value.
 *
 * @param options.delivery "header" for `_headers` and servers; "meta" for the
 *   `<meta http-equiv>` copy in every page, which browsers refuse
 *   `frame-ancestors` in (hosts that cannot set headers, like GitHub Pages,
 *   still get the rest).
 */
export function buildContentSecurityPolicy(options: { delivery: 'header' | 'meta' }): string {
  // Every page asks for the meta copy: build each delivery's policy (and hash the script) once.
  let policy = POLICIES.get(options.delivery);
  if (policy === undefined) {
    policy = composePolicy(options.delivery);
    POLICIES.set(options.delivery, policy);
  }
  return policy;
}

const POLICIES = new Map<'header' | 'meta', string>();

function composePolicy(delivery: 'header' | 'meta'): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'", hashSource(THEME_INIT_SCRIPT)],
    ['style-src', "'self'"],
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
