import { describe, expect, it } from 'vitest';
import { sumPageGroups } from './page-groups.ts';

describe('sumPageGroups', () => {
  it('sums the page lines of an Astro build log by kind of page', () => {
    const log = [
      '15:34:38 ▶ src/pages/articles/[slug].astro',
      '15:34:38   ├─ /articles/a-long-way-home-02d7da/index.html (+85ms) ',
      '15:34:38   └─ /articles/مبادرة-1c972e/index.html',
      ' (+15ms) ',
      '15:34:38   ├─ /people/amal-haddad/index.html (+5ms) ',
      '15:34:38   ├─ /people/amal-haddad/2/index.html (+1.2s) ',
      '15:34:38   ├─ /dates/2024-09/index.html (+7ms) ',
      '15:34:38   ├─ /latest/index.html (+3ms) ',
      '15:34:38   ├─ /quotes/amal-haddad/index.html (+2ms) ',
      '15:34:38   ├─ /sources/page/2/index.html (+9ms) ',
      '15:34:38   ├─ /index.html (+8ms) ',
    ].join('\n');
    expect(sumPageGroups(log).map((g) => [g.name, g.pages, Number(g.seconds.toFixed(3))])).toEqual([
      ['stories', 2, 0.1],
      ['entity pages', 2, 1.205],
      ['date pages', 2, 0.01],
      ['quote pages', 1, 0.002],
      ['listings and the rest', 2, 0.017],
    ]);
  });
});
