import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-server.ts';

let site: string;
let extra: string;
beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'clippings-serve-'));
  extra = mkdtempSync(path.join(tmpdir(), 'clippings-serve-mount-'));
  mkdirSync(path.join(site, 'story'));
  writeFileSync(path.join(site, 'index.html'), '<p>front</p>');
  writeFileSync(path.join(site, 'story', 'index.html'), '<p>story</p>');
  writeFileSync(path.join(site, '404.html'), '<p>missing</p>');
  writeFileSync(path.join(site, 'photo.png'), 'not really a png');
  writeFileSync(path.join(extra, 'thing.js'), 'export {};');
});
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(extra, { recursive: true, force: true });
});

/** Run a test against a server, closing it even when the test fails. */
async function withServer(options: Parameters<typeof serveStatic>[1], test: (url: string) => Promise<void>): Promise<void> {
  const server = await serveStatic(site, options);
  try {
    await test(server.url);
  } finally {
    await server.close();
  }
}

describe('serveStatic', () => {
  it('serves a folder’s index.html, and redirects a folder asked for without its slash', () =>
    withServer({ base: '/archive/' }, async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
      expect(await (await fetch(`${url}story/`)).text()).toBe('<p>story</p>');
      const redirect = await fetch(`${url}story`, { redirect: 'manual' });
      expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/archive/story/']);
    }));

  it('answers 404.html with status 404 for a missing file, and a bare 404 outside the base path', () =>
    withServer({ base: '/archive/' }, async (url) => {
      const missing = await fetch(`${url}nowhere/`);
      expect([missing.status, await missing.text()]).toEqual([404, '<p>missing</p>']);
      const outside = await fetch(new URL('/elsewhere/', url));
      expect([outside.status, await outside.text()]).toEqual([404, 'outside the base path']);
    }));

  it('gzips text types when the client accepts gzip, and nothing else', () =>
    withServer({}, async (url) => {
      const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(await gzipped.text()).toBe('<p>front</p>');
      const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      const image = await fetch(`${url}photo.png`, { headers: { 'accept-encoding': 'gzip' } });
      expect([image.headers.get('content-encoding'), image.headers.get('content-type')]).toEqual([null, 'image/png']);
    }));

  it('compresses a file again when it changes', () =>
    withServer({}, async (url) => {
      const read = async () => (await fetch(`${url}changing.html`, { headers: { 'accept-encoding': 'gzip' } })).text();
      writeFileSync(path.join(site, 'changing.html'), '<p>first</p>');
      expect(await read()).toBe('<p>first</p>');
      writeFileSync(path.join(site, 'changing.html'), '<p>corrected</p>');
      expect(await read()).toBe('<p>corrected</p>');
    }));

  it('sends the given headers with every response, and serves mounted folders', () =>
    withServer({ headers: { 'Content-Security-Policy': "default-src 'self'" }, mounts: { '/pagefind/': extra } }, async (url) => {
      const mounted = await fetch(`${url}pagefind/thing.js`);
      expect(await mounted.text()).toBe('export {};');
      expect(mounted.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect((await fetch(`${url}nowhere`)).headers.get('content-security-policy')).toBe("default-src 'self'");
    }));

  it('answers over HTTP/2 with TLS when asked, gzipped', () =>
    withServer({ http2: true }, async (url) => {
      expect(url).toMatch(/^https:/);
      const session = connect(url, { rejectUnauthorized: false });
      try {
        const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
          const stream = session.request({ ':path': '/', 'accept-encoding': 'gzip' });
          const chunks: Buffer[] = [];
          let headers: Record<string, unknown> = {};
          stream.on('response', (received) => (headers = received));
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve({ headers, body: Buffer.concat(chunks) }));
          stream.on('error', reject);
        });
        expect([headers[':status'], headers['content-encoding']]).toEqual([200, 'gzip']);
        expect(gunzipSync(body).toString()).toBe('<p>front</p>');
      } finally {
        session.close();
      }
    }));
});
