import { describe, expect, it } from 'vitest';
import { formatHeadersFile, IMMUTABLE, listHeaderRules, REVALIDATE } from './headers-file.ts';

describe('listHeaderRules', () => {
  it('puts the policy on every path under the base, and sets Cache-Control only on rules that never overlap', () => {
    const rules = listHeaderRules({ base: '/archive/', csp: "default-src 'self'" });
    expect(rules[0]).toEqual({
      path: '/archive/*',
      headers: [
        ['Content-Security-Policy', "default-src 'self'"],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    });
    const cached = rules.filter((rule) => rule.headers.some(([name]) => name === 'Cache-Control'));
    for (const a of cached) {
      for (const b of cached) if (a !== b) expect(b.path.startsWith(a.path.replace(/\*$/, '')), `${a.path} covers ${b.path}`).toBe(false);
    }
    expect(rules.find((rule) => rule.path === '/archive/_astro/*')?.headers).toEqual([['Cache-Control', IMMUTABLE]]);
    expect(rules.find((rule) => rule.path === '/archive/search/data/manifest.json')?.headers).toEqual([['Cache-Control', REVALIDATE]]);
  });
});

describe('formatHeadersFile', () => {
  it('writes each rule as its path and indented headers, blank lines between', () => {
    expect(
      formatHeadersFile([
        {
          path: '/*',
          headers: [
            ['A', '1'],
            ['B', '2'],
          ],
        },
        { path: '/x', headers: [['C', '3']] },
      ]),
    ).toBe('# Written by the build (src/lib/site/headers-file.ts): edit that, not this.\n/*\n  A: 1\n  B: 2\n\n/x\n  C: 3\n');
  });
});
