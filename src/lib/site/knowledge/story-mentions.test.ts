import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugifyName } from './entity-slug.ts';
import { entityHref } from './knowledge-urls.ts';
import { buildNewsArticle, serializeJsonLd } from '../json-ld.ts';
import { makeStory } from './fixture-stories.ts';
import { listStoryMentions, MENTIONS_LIMIT } from './story-mentions.ts';

describe('listStoryMentions', () => {
  it('types people, places and organisations for schema.org, each once, with its page', () => {
    const story = makeStory('s', { people: ['Amal Haddad', 'amal haddad'], places: ['Beirut'], organisations: ['Hezbollah'] });
    expect(listStoryMentions(story, 'https://example.org')).toEqual([
      { type: 'Person', name: 'Amal Haddad', url: 'https://example.org/people/amal-haddad/' },
      { type: 'Place', name: 'Beirut', url: 'https://example.org/places/beirut/' },
      { type: 'Organization', name: 'Hezbollah', url: 'https://example.org/organisations/hezbollah/' },
    ]);
  });

  it('keeps a bounded number for a story naming hundreds', () => {
    const story = makeStory('s', { people: Array.from({ length: 500 }, (_, i) => `Person ${i}`) });
    expect(listStoryMentions(story, 'https://example.org')).toHaveLength(MENTIONS_LIMIT);
  });

  it('gives each mention the URL its page resolves to on the site, whatever the name', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string({ unit: 'binary' })), (people, places) => {
        for (const mention of listStoryMentions(makeStory('s', { people, places }), 'https://example.org/')) {
          const kind = mention.type === 'Person' ? 'people' : 'places';
          expect(mention.url).toBe(new URL(entityHref(kind, slugifyName(mention.name)), 'https://example.org/').href);
        }
      }),
    );
  });
});

describe('buildNewsArticle mentions', () => {
  const input = {
    title: 'T',
    description: 'D',
    url: 'https://example.org/articles/t/',
    wordCount: 1,
    publisher: 'P',
    publisherUrl: 'https://example.org/',
    id: '0123456789abcdef',
    lang: 'en',
  };

  it('adds mentions when the story names anything, and leaves them out otherwise', () => {
    const mentions = listStoryMentions(makeStory('s', { people: ['</script><b>x'] }), 'https://example.org');
    const json = serializeJsonLd(buildNewsArticle({ ...input, mentions }));
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).mentions).toEqual([{ '@type': 'Person', name: '</script><b>x', url: 'https://example.org/people/script-b-x/' }]);
    expect(buildNewsArticle(input)).not.toHaveProperty('mentions');
  });
});
