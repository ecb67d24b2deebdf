/**
 * The benchmark's floor: a bare Astro site with the stock glob loader and one
 * plain page per entry, written into a scratch folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.BARE_OUT_DIR,
  cacheDir: process.env.BARE_CACHE_DIR,
  devToolbar: { enabled: false },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: process.env.BARE_ARTICLES_DIR }) }),
};
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><Content /></body></html>
`,
};

/**
 * Write the bare site's project files.
 *
 * @param dir The project folder (inside the repository, so it finds `node_modules`).
 */
export function writeBareSite(dir: string): void {
  for (const [name, text] of Object.entries(FILES)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
