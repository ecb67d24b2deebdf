import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildWebManifest, iconPath } from './web-manifest.ts';

describe('buildWebManifest', () => {
  it('installs under the archive name, opening at and staying within its base path', () => {
    const manifest = buildWebManifest({ name: 'Harbour Gazette Archive', description: 'Old news.', lang: 'en', base: '/archive/' });
    expect(manifest).toMatchObject({ name: 'Harbour Gazette Archive', short_name: 'Harbour Gaze', start_url: '/archive/', scope: '/archive/', lang: 'en' });
    expect((manifest.icons as Array<{ src: string }>).map((icon) => icon.src)).toEqual([
      '/archive/favicon.svg',
      `/archive/${iconPath(192)}`,
      `/archive/${iconPath(512)}`,
    ]);
  });

  it('keeps a short name whole', () => {
    expect(buildWebManifest({ name: 'Clippings', description: 'x', lang: 'en', base: '/' }).short_name).toBe('Clippings');
  });
});

describe('the icon (public/favicon.svg)', () => {
  it('draws its letter as a path, not text: the same on every machine, and no fonts looked up to show it', () => {
    const svg = readFileSync(new URL('../../../public/favicon.svg', import.meta.url), 'utf8');
    expect(svg).toMatch(/<path\b[^>]*\bd="M/);
    expect(svg).not.toMatch(/<text\b|font-family/);
  });
});
