import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy, hashSource } from './content-security-policy.ts';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

describe('hashSource', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    expect(hashSource('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
    expect(hashSource('alert(1)')).not.toBe(hashSource('alert(1) '));
  });
});

describe('buildContentSecurityPolicy', () => {
  it('allows scripts from the site and the theme script by its hash, nothing inline or evaluated', () => {
    const policy = buildContentSecurityPolicy({ delivery: 'header' });
    expect(policy).toContain(`script-src 'self' ${hashSource(THEME_INIT_SCRIPT)};`);
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe|\*|https?:/);
  });

  it('allows code written into pages by the hash of each text, scripts and style sheets apart', () => {
    const inline = { scripts: ['go()'], styles: ['p{}', 'a{}'] };
    for (const delivery of ['header', 'meta'] as const) {
      const policy = buildContentSecurityPolicy({ delivery, inline });
      expect(policy).toContain(`script-src 'self' ${hashSource(THEME_INIT_SCRIPT)} ${hashSource('go()')};`);
      expect(policy).toContain(`style-src 'self' ${hashSource('p{}')} ${hashSource('a{}')};`);
      expect(policy).not.toMatch(/unsafe|\*|https?:/);
    }
    // The policy of a page without such code is not widened by one with it.
    expect(buildContentSecurityPolicy({ delivery: 'meta' })).toContain("style-src 'self';");
  });

  it('leaves frame-ancestors out of the meta copy, which browsers ignore it in', () => {
    expect(buildContentSecurityPolicy({ delivery: 'header' })).toContain("frame-ancestors 'none'");
    expect(buildContentSecurityPolicy({ delivery: 'meta' })).not.toContain('frame-ancestors');
  });
});

describe('buildContentSecurityPolicy on every page', () => {
  it('hashes the theme script once, however many pages ask for the policy', async () => {
    vi.resetModules();
    const hashes = vi.fn();
    vi.doMock('node:crypto', async (importOriginal) => {
      const crypto = await importOriginal<typeof import('node:crypto')>();
      const createHash = (...args: Parameters<typeof crypto.createHash>) => {
        hashes();
        return crypto.createHash(...args);
      };
      return { ...crypto, createHash };
    });
    const fresh = await import('./content-security-policy.ts');
    const first = fresh.buildContentSecurityPolicy({ delivery: 'meta' });
    for (let page = 0; page < 100; page++) expect(fresh.buildContentSecurityPolicy({ delivery: 'meta' })).toBe(first);
    expect(hashes).toHaveBeenCalledTimes(1);
    vi.doUnmock('node:crypto');
  });
});
