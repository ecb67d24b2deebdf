import { describe, expect, it } from 'vitest';
import { replaceModuleScripts } from './page-bundle.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('replaceModuleScripts', () => {
  it('puts one classic script where the first module script of the head was, and drops every module script and preload', () => {
    const html = page(
      '<script>theme()</script><link rel="preload" href="/m.json" as="fetch"><script async type="module" src="/_astro/a.js"></script><link rel="stylesheet" href="/s.css"><link rel="modulepreload" href="/_astro/b.js">',
      '<p>x</p><script type="module" src="/_astro/c.js"></script><script type="application/ld+json">{}</script>',
    );
    expect(replaceModuleScripts(html, '/_astro/page.X1.js')).toBe(
      page(
        '<script>theme()</script><link rel="preload" href="/m.json" as="fetch"><link rel="preload" href="/s.css" as="style"><script src="/_astro/page.X1.js"></script><link rel="stylesheet" href="/s.css">',
        '<p>x</p><script type="application/ld+json">{}</script>',
      ),
    );
  });

  it('with module scripts in the body only, puts the classic script before the first style sheet', () => {
    const html = page('<title>t</title><link rel="stylesheet" href="/s.css">', '<script type="module" src="/_astro/c.js"></script>');
    expect(replaceModuleScripts(html, '/p.js')).toBe(
      page('<title>t</title><link rel="preload" href="/s.css" as="style"><script src="/p.js"></script><link rel="stylesheet" href="/s.css">', ''),
    );
    expect(replaceModuleScripts(page('<title>t</title>', '<script type=module src="/c.js"></script>'), '/p.js')).toBe(
      page('<title>t</title><script src="/p.js"></script>', ''),
    );
  });

  it('preloads the style sheets after the script, for their media, ahead of it: the parser waits for the script', () => {
    const html = page(
      "<link rel=stylesheet href=/early.css><script type=module src=/a.js></script><link rel='stylesheet' href='/s.css' media='print'><link rel=\"stylesheet\" href=\"/t.css\">",
      '',
    );
    expect(replaceModuleScripts(html, '/p.js')).toBe(
      page(
        '<link rel=stylesheet href=/early.css><link rel="preload" href=\'/s.css\' as="style" media=\'print\'><link rel="preload" href="/t.css" as="style"><script src="/p.js"></script><link rel=\'stylesheet\' href=\'/s.css\' media=\'print\'><link rel="stylesheet" href="/t.css">',
        '',
      ),
    );
  });

  it('refuses a page without module scripts, or without a head', () => {
    expect(() => replaceModuleScripts(page('', '<script src="/classic.js"></script>'), '/p.js')).toThrow(/no module script/);
    expect(() => replaceModuleScripts('<script type="module" src="/a.js"></script>', '/p.js')).toThrow(/no <\/head>/);
  });
});

describe('replaceModuleScripts with data', () => {
  it('puts each data block right before the script, in place of the preload of its file', () => {
    const html = page(
      '<link rel="preload" href="/a/m.json" as="fetch" crossorigin="anonymous"><link rel="preload" href="/a/m.json.bak" as="fetch"><script type="module" src="/_astro/a.js"></script>',
      '',
    );
    const data = [{ element: '<script type="application/json" id="m">{"$&":"$1"}</script>', href: '/a/m.json' }];
    expect(replaceModuleScripts(html, '/p.js', data)).toBe(
      page('<link rel="preload" href="/a/m.json.bak" as="fetch"><script type="application/json" id="m">{"$&":"$1"}</script><script src="/p.js"></script>', ''),
    );
  });
});
