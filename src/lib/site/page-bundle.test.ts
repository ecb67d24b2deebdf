import { describe, expect, it } from 'vitest';
import { inlinePageCode, listStyleSheets, setPagePolicy } from './page-bundle.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const none = new Map<string, string>();

describe('inlinePageCode', () => {
  it('writes one classic script where the first module script of the head was, and drops every module script and preload', () => {
    const html = page(
      '<script>theme()</script><link rel="preload" href="/m.json" as="fetch"><script async type="module" src="/_astro/a.js"></script><link rel="stylesheet" href="/s.css"><link rel="modulepreload" href="/_astro/b.js">',
      '<p>x</p><script type="module" src="/_astro/c.js"></script><script type="application/ld+json">{}</script>',
    );
    expect(inlinePageCode(html, { script: 'run("$&")', styles: new Map([['/s.css', 'p{color:red}']]) })).toBe(
      page(
        '<script>theme()</script><link rel="preload" href="/m.json" as="fetch"><script>run("$&")</script><style>p{color:red}</style>',
        '<p>x</p><script type="application/ld+json">{}</script>',
      ),
    );
  });

  it('with module scripts in the body only, writes the script before the first style sheet', () => {
    const html = page('<title>t</title><link rel="stylesheet" href="/s.css">', '<script type="module" src="/_astro/c.js"></script>');
    expect(inlinePageCode(html, { script: 'go()', styles: new Map([['/s.css', 'a{}']]) })).toBe(
      page('<title>t</title><script>go()</script><style>a{}</style>', ''),
    );
    expect(inlinePageCode(page('<title>t</title>', '<script type=module src="/c.js"></script>'), { script: 'go()', styles: none })).toBe(
      page('<title>t</title><script>go()</script>', ''),
    );
  });

  it('writes each style sheet of the head in place of its link, in order and for its media; a sheet it was not given stays linked', () => {
    const html = page(
      "<link rel=stylesheet href=/early.css><script type=module src=/a.js></script><link rel='stylesheet' href='/s.css' media='print'><link rel=\"stylesheet\" href=\"/t.css\"><link rel=stylesheet href=/other.css>",
      '',
    );
    expect(listStyleSheets(html)).toEqual([
      { href: '/early.css', media: undefined },
      { href: '/s.css', media: 'print' },
      { href: '/t.css', media: undefined },
      { href: '/other.css', media: undefined },
    ]);
    const styles = new Map([
      ['/early.css', 'b{}'],
      ['/s.css', 'nav{display:none}'],
      ['/t.css', 'i{}'],
    ]);
    expect(inlinePageCode(html, { script: 'go()', styles })).toBe(
      page('<style>b{}</style><script>go()</script><style media="print">nav{display:none}</style><style>i{}</style><link rel=stylesheet href=/other.css>', ''),
    );
  });

  it('refuses a page without module scripts, or without a head', () => {
    expect(() => inlinePageCode(page('', '<script src="/classic.js"></script>'), { script: '', styles: none })).toThrow(/no module script/);
    expect(() => inlinePageCode('<script type="module" src="/a.js"></script>', { script: '', styles: none })).toThrow(/no <\/head>/);
  });

  it('refuses code that would end its element early, and a style sheet that refers to other files', () => {
    const html = page('<script type="module" src="/a.js"></script><link rel="stylesheet" href="/s.css">', '');
    expect(() => inlinePageCode(html, { script: 'x="</SCRIPT>"', styles: none })).toThrow(/<\/script/);
    expect(() => inlinePageCode(html, { script: 'x="<!--"', styles: none })).toThrow(/<!--/);
    expect(() => inlinePageCode(html, { script: '', styles: new Map([['/s.css', 'p{}</style><script>x()</script>']]) })).toThrow(/\/s\.css holds "<\/style"/);
    expect(() => inlinePageCode(html, { script: '', styles: new Map([['/s.css', 'p{background:url(a.png)}']]) })).toThrow(/\/s\.css refers to other files/);
    expect(() => inlinePageCode(html, { script: '', styles: new Map([['/s.css', '@import "b.css";']]) })).toThrow(/refers to other files/);
  });
});

describe('inlinePageCode with data', () => {
  it('puts each data block right before the script, in place of the preload of its file', () => {
    const html = page(
      '<link rel="preload" href="/a/m.json" as="fetch" crossorigin="anonymous"><link rel="preload" href="/a/m.json.bak" as="fetch"><script type="module" src="/_astro/a.js"></script>',
      '',
    );
    const data = [{ element: '<script type="application/json" id="m">{"$&":"$1"}</script>', href: '/a/m.json' }];
    expect(inlinePageCode(html, { script: 'go()', styles: none, data })).toBe(
      page('<link rel="preload" href="/a/m.json.bak" as="fetch"><script type="application/json" id="m">{"$&":"$1"}</script><script>go()</script>', ''),
    );
  });
});

describe('setPagePolicy', () => {
  it("replaces the policy of the page's meta element, and only that", () => {
    const html = page(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><meta name="description" content="x">`, '');
    expect(setPagePolicy(html, "default-src 'self'; script-src 'sha256-$&'")).toBe(
      page(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'sha256-$&'"><meta name="description" content="x">`, ''),
    );
  });

  it('refuses a page with no policy to widen', () => {
    expect(() => setPagePolicy(page('<meta name="description" content="x">', ''), "default-src 'self'")).toThrow(/no Content-Security-Policy/);
  });
});
