import { describe, expect, it } from 'vitest';
import { addHeadingAnchors } from './heading-anchors.ts';

describe('addHeadingAnchors', () => {
  it('follows a heading with a labelled link to its id', () => {
    expect(addHeadingAnchors('<p>Intro</p><h2 id="what-next">What next</h2><p>Text</p>')).toBe(
      '<p>Intro</p><div class="heading-wrapper level-h2"><h2 id="what-next">What next</h2>' +
        '<a class="heading-anchor" href="#what-next" aria-label="Link to the section “What next”">' +
        '<span aria-hidden="true">#</span></a></div><p>Text</p>',
    );
  });

  it('keeps escaped text escaped and quotes out of the label', () => {
    const html = addHeadingAnchors('<h2 id="a-b">A &lt;b&gt; "quoted" <em>c</em></h2>');
    expect(html).toContain('aria-label="Link to the section “A &lt;b&gt; &quot;quoted&quot; c”"');
  });

  it('leaves headings without ids and other elements alone', () => {
    const html = '<h2>No id</h2><p id="x">para</p>';
    expect(addHeadingAnchors(html)).toBe(html);
  });
});
