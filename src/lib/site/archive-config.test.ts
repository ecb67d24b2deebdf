import { describe, expect, it } from 'vitest';
import defaults from '../../../clippings.config.ts';
import { normalizeBase, resolveArchiveConfig } from './archive-config.ts';

describe('normalizeBase', () => {
  it('writes any base with one leading and one trailing slash', () => {
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('archive')).toBe('/archive/');
    expect(normalizeBase('//my/archive//')).toBe('/my/archive/');
  });
});

describe('resolveArchiveConfig', () => {
  it('reads the config file as written when no variable is set', () => {
    const config = resolveArchiveConfig(defaults, {});
    expect(config).toMatchObject({ name: 'Clippings', base: '/', lang: 'en', pageSize: 24, indexPageSize: 200 });
    expect(config.url).toBe('https://clippings.example.org');
  });

  it('lets each environment variable override its field, numbers read as numbers', () => {
    const config = resolveArchiveConfig(defaults, {
      CLIPPINGS_NAME: 'Harbour Gazette',
      CLIPPINGS_BASE: 'archive',
      CLIPPINGS_SITE_URL: 'https://example.github.io/',
      CLIPPINGS_PAGE_SIZE: '5',
      CLIPPINGS_LANG: '',
    });
    expect(config).toMatchObject({ name: 'Harbour Gazette', base: '/archive/', url: 'https://example.github.io', pageSize: 5, lang: 'en' });
  });

  it('names the variable or the field that holds a bad value', () => {
    expect(() => resolveArchiveConfig(defaults, { CLIPPINGS_PAGE_SIZE: 'many' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: config: CLIPPINGS_PAGE_SIZE="many": expected a whole number above 0]`,
    );
    expect(() => resolveArchiveConfig({ ...defaults, url: 'not a url' }, {})).toThrowErrorMatchingInlineSnapshot(
      `[Error: config: clippings.config.ts: url: expected an absolute URL such as "https://example.org"]`,
    );
    expect(() => resolveArchiveConfig(defaults, { CLIPPINGS_BASE: '/my archive/' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: config: CLIPPINGS_BASE="/my archive/": expected a URL path such as "/" or "/archive/"]`,
    );
  });
});
