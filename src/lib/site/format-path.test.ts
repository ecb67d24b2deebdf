import { describe, expect, it } from 'vitest';
import { createPathFormatter } from './format-path.ts';

describe('createPathFormatter', () => {
  it('puts every kind of path under a sub-path base, however the base is written', () => {
    for (const base of ['/archive/', '/archive', 'archive', 'archive/']) {
      const paths = createPathFormatter(base);
      expect(paths.base).toBe('/archive/');
      expect(paths.path('/')).toBe('/archive/');
      expect(paths.path('')).toBe('/archive/');
      expect(paths.path('/a-z/')).toBe('/archive/a-z/');
      expect(paths.path('rss.xml')).toBe('/archive/rss.xml');
      expect(paths.story('night-bus-b3a7c6')).toBe('/archive/articles/night-bus-b3a7c6/');
      expect(paths.source('a-txt')).toBe('/archive/sources/a-txt/');
      expect(paths.letter('other')).toBe('/archive/a-z/other/');
      expect(paths.searchData()).toBe('/archive/search/data/');
      expect(paths.searchData('manifest.json')).toBe('/archive/search/data/manifest.json');
    }
  });

  it('leaves root paths as they are when the base is the root', () => {
    const paths = createPathFormatter('/');
    expect(paths.path('/')).toBe('/');
    expect(paths.story('x')).toBe('/articles/x/');
    expect(paths.route('/a-z/')).toBe('/a-z/');
  });

  it('takes the base off a served pathname to give its route', () => {
    const paths = createPathFormatter('/archive/');
    expect(paths.route('/archive/')).toBe('/');
    expect(paths.route('/archive/page/2/')).toBe('/page/2/');
    expect(paths.route('/elsewhere/')).toBe('/elsewhere/');
  });
});
