/**
 * One static server for the browser tests and the search benchmark, serving a
 * built site as static hosts do: `index.html` for folders, `404.html` with
 * status 404 for anything missing, text types gzipped when the browser accepts
 * it. Each file is compressed once and kept, as a CDN keeps its compressed
 * copy, so a benchmark does not time compression.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { createSecureServer, type Http2ServerRequest } from 'node:http2';
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
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** Types a host compresses (Netlify, Cloudflare and nginx's usual `gzip_types` all cover these). */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm']);

export interface ServeOptions {
  /** The path the site is served under ("/archive/"), as a GitHub Pages project site is: anything outside it is a bare 404. */
  base?: string;
  /** Headers sent with every response (a CSP). */
  headers?: Record<string, string>;
  /** Other folders served under a path prefix of the base (`{ "/pagefind/": dir }`). */
  mounts?: Record<string, string>;
  /**
   * HTTP/2 over TLS with a throwaway self-signed certificate (open pages with
   * `ignoreHTTPSErrors`), for benchmarks: over HTTP/1.1 a browser opens six
   * connections a host and queues the rest, which no static host makes it do.
   */
  http2?: boolean;
}

/**
 * Serve a built site on 127.0.0.1.
 *
 * @param dir The built site's folder.
 * @returns The site's URL (origin and base, ending in "/") and a function that stops the server.
 */
export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const base = options.base ?? '/';
  const compressed = new Map<string, { source: Buffer; gzipped: Buffer }>();

  const reply = async (url: string, acceptEncoding: string): Promise<Reply> => {
    const requested = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    if (!`${requested}/`.startsWith(base)) return { status: 404, headers: { 'Content-Type': TYPES['.txt']! }, body: Buffer.from('outside the base path') };
    const pathname = `/${requested.slice(base.length)}`;
    const mount = Object.keys(options.mounts ?? {}).find((prefix) => pathname.startsWith(prefix));
    const root = mount ? options.mounts![mount]! : dir;
    let file = path.join(root, path.normalize(mount ? pathname.slice(mount.length) : pathname));
    const info = file.startsWith(root) ? await stat(file).catch(() => undefined) : undefined;
    if (info?.isDirectory()) {
      if (!requested.endsWith('/')) return { status: 301, headers: { Location: `${encodeURI(requested)}/` }, body: Buffer.alloc(0) };
      file = path.join(file, 'index.html');
    }
    let status = 200;
    let body: Buffer | undefined = info ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      status = 404;
      file = path.join(dir, '404.html');
      body = await readFile(file).catch(() => Buffer.from('not found'));
    }
    const extension = path.extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[extension] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...options.headers };
    if (COMPRESSED.has(extension) && /\bgzip\b/.test(acceptEncoding)) {
      let cached = compressed.get(file);
      // A test may publish a new build into the folder: a changed file is compressed again.
      if (!cached?.source.equals(body)) compressed.set(file, (cached = { source: body, gzipped: gzipSync(body) }));
      Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      body = cached.gzipped;
    }
    return { status, headers: { ...headers, 'Content-Length': String(body.length) }, body };
  };
  const listener = async (request: IncomingMessage | Http2ServerRequest, response: Writable) => {
    const { status, headers, body } = await reply(request.url ?? '/', String(request.headers['accept-encoding']));
    response.writeHead(status, headers);
    response.end(body);
  };

  const server = options.http2 ? createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `${options.http2 ? 'https' : 'http'}://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What the listener needs of an HTTP/1.1 or an HTTP/2 response. */
interface Writable {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: Buffer): unknown;
}

// A certificate for 127.0.0.1, made for this run.
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clippings-cert-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [...'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1'.split(' '), '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
