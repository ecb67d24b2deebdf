/**
 * Anchor links beside the section headings of a rendered story body.
 */

const HEADING = /<h([2-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;

/**
 * Follow each heading that has an id with a link to itself, the accessible
 * pattern Starlight uses: the link sits after the heading, its visible text is
 * a "#" hidden from assistive technology, and its label names the section.
 *
 * @param html A rendered body whose headings carry ids (as Astro's Markdown processor sets them).
 * @returns The HTML with each heading wrapped with its anchor link.
 */
export function addHeadingAnchors(html: string): string {
  return html.replace(HEADING, (whole, level: string, id: string, inner: string) => {
    const label = inner.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;');
    return (
      `<div class="heading-wrapper level-h${level}">${whole}` +
      `<a class="heading-anchor" href="#${id}" aria-label="Link to the section “${label}”">` +
      `<span aria-hidden="true">#</span></a></div>`
    );
  });
}
