/**
 * A static server for benchmarks that serves as hosts do: over HTTP/2 with
 * TLS (a throwaway self-signed certificate: open pages with
 * `ignoreHTTPSErrors`), text types (HTML, CSS, JavaScript, JSON, SVG,
 * WebAssembly) gzipped when the browser accepts it, other files as they are.
 * Each file is compressed once and kept, as a CDN keeps its compressed copy,
 * so compression time is not measured. (Over HTTP/1.1 a browser opens six
 * connections a host and queues the rest: no static host serves that way.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Types a host compresses (Netlify, Cloudflare and nginx's usual `gzip_types` all cover these). */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm']);

/**
 * Serve a folder on 127.0.0.1, gzipping text types.
 *
 * @param dir The site's folder.
 * @param mounts Other folders served under a path prefix (`{ "/pagefind/": dir }`).
 * @returns The base URL (ending in "/") and a function that stops the server.
 */
export async function serveGzipped(dir: string, mounts: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const compressed = new Map<string, Buffer>();
  const server: Http2SecureServer = createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const root = mount ? mounts[mount]! : dir;
    let file = path.join(root, path.normalize(mount ? pathname.slice(mount.length) : pathname));
    const info = file.startsWith(root) ? await stat(file).catch(() => undefined) : undefined;
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${encodeURI(pathname)}/` });
        response.end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const body = await readFile(file).catch(() => undefined);
    if (!body) {
      response.writeHead(404, { 'Content-Type': TYPES['.txt']! });
      response.end('not found');
      return;
    }
    const extension = path.extname(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extension] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    if (COMPRESSED.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      let gzipped = compressed.get(file);
      if (!gzipped) compressed.set(file, (gzipped = gzipSync(body)));
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(gzipped.length), Vary: 'Accept-Encoding' });
      response.end(gzipped);
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `https://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// A certificate for 127.0.0.1, made for this run.
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clippings-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
