import { describe, expect, it } from 'vitest';
import { addModulePreloads, collectModuleGraph, listModuleScripts, listStaticImports, makeHeadScriptsAsync } from './module-preload.ts';

describe('listStaticImports', () => {
  it('finds bare, named and re-exporting imports in minified code, not dynamic ones', () => {
    const code =
      'const m=()=>import("./lazy.js");import"./live-search.A1.js";import{t as e}from"./preload-helper.B2.js";export*from"./paths.C3.js"';
    expect(listStaticImports(code)).toEqual(['./live-search.A1.js', './preload-helper.B2.js', './paths.C3.js']);
    expect(listStaticImports('import { a, b as c } from \'./x.js\';\nimport * as y from "../y.js"')).toEqual(['./x.js', '../y.js']);
    expect(listStaticImports('await import("./dynamic.js")')).toEqual([]);
  });
});

describe('listModuleScripts', () => {
  it('lists module scripts with a src, not inline or classic ones', () => {
    const html =
      '<script>inline()</script><script type="module" src="/_astro/a.js"></script><script src="/classic.js"></script><script type="application/ld+json">{}</script><script type=module src=\'/_astro/b.js\'></script>';
    expect(listModuleScripts(html)).toEqual(['/_astro/a.js', '/_astro/b.js']);
  });
});

describe('collectModuleGraph', () => {
  it('follows static imports breadth first, once each, leaving out the entries and other origins', () => {
    const files: Record<string, string> = {
      '/base/_astro/entry.js': 'import"./live.js";import"./box.js";',
      '/base/_astro/other-entry.js': 'import"./box.js";import"https://cdn.example/x.js";',
      '/base/_astro/live.js': 'import{a}from"./paths.js";import{b}from"./box.js";const l=()=>import("./filters.js");',
      '/base/_astro/box.js': 'import{h}from"./helper.js";',
      '/base/_astro/paths.js': '',
      '/base/_astro/helper.js': 'import"./entry.js";',
    };
    const graph = collectModuleGraph(['/base/_astro/entry.js', '/base/_astro/other-entry.js'], (url) => files[url]);
    expect(graph).toEqual(['/base/_astro/live.js', '/base/_astro/box.js', '/base/_astro/paths.js', '/base/_astro/helper.js']);
  });
});

describe('addModulePreloads', () => {
  it('adds the links missing from the head', () => {
    const html = '<html><head><title>x</title><link rel="modulepreload" href="/a.js"></head><body></body></html>';
    expect(addModulePreloads(html, ['/a.js', '/b.js'])).toBe(
      '<html><head><title>x</title><link rel="modulepreload" href="/a.js"><link rel="modulepreload" href="/b.js"></head><body></body></html>',
    );
    expect(addModulePreloads(html, ['/a.js'])).toBe(html);
  });
});

describe('makeHeadScriptsAsync', () => {
  it('marks module scripts with a src in the head async, and nothing in the body', () => {
    const html =
      '<html><head><script>inline()</script><script type="module" src="/_astro/early.js"></script><script type="module" async src="/_astro/a.js"></script></head>' +
      '<body><script type="module" src="/_astro/late.js"></script></body></html>';
    expect(makeHeadScriptsAsync(html)).toBe(
      '<html><head><script>inline()</script><script async type="module" src="/_astro/early.js"></script><script type="module" async src="/_astro/a.js"></script></head>' +
        '<body><script type="module" src="/_astro/late.js"></script></body></html>',
    );
    expect(makeHeadScriptsAsync('<p>no head</p>')).toBe('<p>no head</p>');
  });
});
