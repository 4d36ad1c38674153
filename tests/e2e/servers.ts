/**
 * Small local HTTP servers for the embed tests, each on its own port (= its own origin):
 * a partner page host, a proxy that adds headers (CSP) and gzip in front of the preview server,
 * and a static server for a build under a sub-path.
 */
import http from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Serves fixed HTML pages by path (a partner's site). */
export function pageServer(pages: Record<string, string>): Promise<TestServer> {
  return listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = pages[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
}

/**
 * Forwards GET requests to `target` (the vite preview server) and answers with the same body,
 * plus `headers` (e.g. Content-Security-Policy) and gzip when the browser accepts it, as a
 * production host would.
 */
export function proxyServer(target: string, headers: Record<string, string>): Promise<TestServer> {
  return listen(async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.url ?? '/', target), { headers: { accept: req.headers.accept ?? '*/*' } });
      const body = Buffer.from(await upstream.arrayBuffer());
      const out: Record<string, string> = { ...headers, 'cache-control': 'no-store' };
      const type = upstream.headers.get('content-type');
      if (type) out['content-type'] = type;
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 256;
      const payload = gzip ? gzipSync(body, { level: 6 }) : body;
      if (gzip) out['content-encoding'] = 'gzip';
      out['content-length'] = String(payload.length);
      res.writeHead(upstream.status, out).end(payload);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.pbf': 'application/x-protobuf', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves `dir` under `prefix` (e.g. `/sub/path/`) only; everything else is a 404 (and logged). */
export function staticServer(dir: string, prefix: string, misses: string[] = []): Promise<TestServer> {
  const root = resolve(dir);
  return listen((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      misses.push(path);
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      misses.push(path);
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
}
