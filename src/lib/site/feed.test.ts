import { describe, expect, test } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { toFeedItem } from './feed.ts';

describe('toFeedItem', () => {
  test('strips control characters, so the feed stays well-formed XML', async () => {
    const item = toFeedItem({ title: 'Storm\u0001 hits \u001B[2Jthe coast\uFFFF', excerpt: 'Rain\u0008 fell.' }, '/articles/storm/');
    expect(item).toEqual({ title: 'Storm hits [2Jthe coast', link: '/articles/storm/', description: 'Rain fell.' });
    const xml = await getRssString({ title: 'T', description: 'D', site: 'https://example.org', items: [item] });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  test('writes a description that a reader decoding it as HTML shows as plain text', async () => {
    const item = toFeedItem(
      { title: 'A <b>title</b>', subtitle: 'See https://x.test/a<img src=x onerror=alert(1)> &amp; more', excerpt: 'unused' },
      '/articles/a/',
    );
    expect(item.description).toBe('See https://x.test/a&lt;img src=x onerror=alert(1)&gt; &amp;amp; more');
    const xml = await getRssString({ title: 'T', description: 'D', site: 'https://example.org', items: [item] });
    expect(xml).toContain('<description>See https://x.test/a&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp;amp; more</description>');
    expect(xml).toContain('<title>A &lt;b&gt;title&lt;/b&gt;</title>');
  });

  test('caps an absurd headline and leaves out an empty description', () => {
    const item = toFeedItem({ title: 'Long '.repeat(1000), excerpt: '' }, '/articles/long/');
    expect(Array.from(item.title ?? '').length).toBeLessThanOrEqual(200);
    expect(item).not.toHaveProperty('description');
  });
});
