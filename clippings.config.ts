/**
 * Your archive: its name, where it is published, and how its pages are cut.
 * Edit this file to make the archive yours; every page, feed, the search, the
 * service worker and the `_headers` file read it. Environment variables
 * override each field for one build (see README, "Configure").
 */
import { defineArchive } from './src/lib/site/archive-config.ts';

export default defineArchive({
  // Shown in the header, the page titles, feeds, social previews and the installed app.
  name: 'Clippings',
  // One line on what the archive holds.
  description: 'A searchable archive of news stories.',
  // Language of the interface, a BCP 47 tag (stories may carry their own).
  lang: 'en',
  // The public origin the site is served from: canonical URLs, feeds and the sitemap use it.
  url: 'https://clippings.example.org',
  // The path the site lives under on that origin: "/" for a whole domain,
  // "/<repo>/" for a GitHub Pages project site.
  base: '/',
  // Stories per listing page, headlines per A–Z page, stories in the RSS feed.
  pageSize: 24,
  indexPageSize: 200,
  feedSize: 50,
  // Social preview images (og:image) of each story's headline and the archive's name:
  // true, false, or 'auto' (drawn for archives of up to 5,000 stories).
  socialImages: 'auto',
});
