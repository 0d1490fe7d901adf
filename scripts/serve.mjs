// The demo server: plain node:http, static files only.
//
//   /             demo/            (the partner page and its assets; / → demo/index.html)
//   /dist/embed/  dist/embed/      (the script-tag bundle built by npm run build)
//   /feeds/       demo/feeds/      (the sample feed)
//   /dist/configurator/  dist/configurator/  (the editors' configurator's script, for /configurator/)
//
// It behaves the way a city's static host should: right content types, nosniff, a strict
// Content-Security-Policy on pages (the widgets must work under it; the iframe embed's
// frame.html may be framed by other sites, every other page only by itself), long immutable caching
// only for content-hashed chunks, CORS on the bundle and the feeds so another origin can embed
// them, and no way out of these folders.
//
// Usage: node scripts/serve.mjs   (PORT env, default 8080)
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * The policy the demo page is served with, as strict as a public body's site may be. Lit adopts
 * its styles as constructed stylesheets, which style-src does not govern, so no 'unsafe-inline'
 * is needed anywhere.
 */
export function contentSecurityPolicy(connectSrc = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // The vote API is another origin (npm start passes it); a partner page lists it the same way.
    ["connect-src 'self'", ...connectSrc].join(' '),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    // Lit writes templates through its own Trusted Types policy; nothing else may touch HTML sinks.
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export const demoContentSecurityPolicy = contentSecurityPolicy();

/**
 * The policy of the iframe embed's page (/dist/embed/frame.html): the page policy, except that
 * other sites may frame it, which is what it is for. Any site, by default: the frame shows
 * public information and holds no login or cookie a framing page could abuse (its storage is
 * partitioned per embedding site anyway), and partners need no registration. A city that wants
 * only known partners lists their origins instead (`frameAncestors`). connect-src stays as
 * strict as on every page, and that matters here: the feed comes from the frame's address, and
 * only feeds from these origins load, so nobody can show another feed under the city's name.
 */
export function frameContentSecurityPolicy(connectSrc = [], frameAncestors = ['*']) {
  return contentSecurityPolicy(connectSrc).replace("frame-ancestors 'self'", `frame-ancestors ${frameAncestors.join(' ')}`);
}

/** The one page that other sites may frame. */
const framePage = '/dist/embed/frame.html';

/** URL prefix → folder, most specific first. */
function mounts(root) {
  return [
    { prefix: '/dist/embed/', dir: join(root, 'dist/embed'), shared: true },
    { prefix: '/dist/configurator/', dir: join(root, 'dist/configurator'), shared: false },
    { prefix: '/feeds/', dir: join(root, 'demo/feeds'), shared: true },
    { prefix: '/', dir: join(root, 'demo'), shared: false },
  ];
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Maps a raw request path to a file below one of the mounts, or throws HttpError.
 * Works on the raw path (Node does not normalise it) and decodes it exactly once, so
 * "%2e%2e", "%2f" and "%5c" cannot smuggle a ".." or a separator past the checks.
 */
export function resolveRequestPath(rawPath, root = repoRoot) {
  const mount = mounts(root).find((m) => rawPath.startsWith(m.prefix));
  if (!mount) throw new HttpError(404, 'not found');
  let rest;
  try {
    rest = decodeURIComponent(rawPath.slice(mount.prefix.length));
  } catch {
    throw new HttpError(400, 'bad percent-encoding');
  }
  if (rest.includes('\0') || rest.includes('\\')) throw new HttpError(400, 'bad path');
  const segments = rest.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) throw new HttpError(403, 'path traversal');
  // Dot files and folders (.vite, .git, .env) are never content.
  if (segments.some((segment) => segment.startsWith('.'))) throw new HttpError(404, 'not found');
  const file = join(mount.dir, ...segments);
  if (file !== mount.dir && !file.startsWith(mount.dir + sep)) throw new HttpError(403, 'path traversal');
  return { file, mount, directoryRequest: rest === '' || rest.endsWith('/') };
}

function cacheControl(mount, file) {
  // Chunk names carry a content hash; everything else keeps a stable name and must revalidate.
  if (mount.prefix === '/dist/embed/' && file.includes(`${sep}chunks${sep}`)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

async function handle(request, response, root, csp, frameCsp) {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    throw new HttpError(405, 'method not allowed');
  }
  const rawPath = (request.url ?? '/').split(/[?#]/)[0];
  let { file, mount, directoryRequest } = resolveRequestPath(rawPath, root);

  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!directoryRequest) {
      // Relative links inside the folder's index.html need the trailing slash. Leading slashes
      // collapse to one: "//sub/" would send the browser to a host named "sub".
      response.writeHead(301, { Location: `${rawPath.replace(/^\/+/, '/')}/` }).end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) throw new HttpError(404, 'not found');
  // A symlink must not lead out of its folder either.
  const [realFile, realDir] = await Promise.all([realpath(file), realpath(mount.dir)]);
  if (!realFile.startsWith(realDir + sep)) throw new HttpError(403, 'outside the served folder');

  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', cacheControl(mount, file));
  response.setHeader('ETag', etag);
  response.setHeader('Last-Modified', info.mtime.toUTCString());
  if (mount.shared) {
    // Partners embed the bundle and read the feed from their own origin.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  }
  if (type.startsWith('text/html')) response.setHeader('Content-Security-Policy', rawPath === framePage ? frameCsp : csp);

  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304).end();
    return;
  }
  response.setHeader('Content-Length', info.size);
  response.writeHead(200);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(response);
  });
}

/**
 * The demo server's request handler, for the repository at `root`; `connectSrc` adds origins
 * pages may fetch from, `frameAncestors` replaces who may frame frame.html (default: anyone).
 */
export function createDemoHandler({ root = repoRoot, connectSrc = [], frameAncestors } = {}) {
  const csp = contentSecurityPolicy(connectSrc);
  const frameCsp = frameContentSecurityPolicy(connectSrc, frameAncestors);
  return (request, response) => {
    handle(request, response, root, csp, frameCsp).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(`serve: ${request.url}: ${error?.stack ?? error}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : `${status} ${error instanceof HttpError ? error.message : 'internal error'}\n`);
    });
  };
}

/** A demo server (not yet listening); options as for createDemoHandler. */
export function createDemoServer(options = {}) {
  return createServer(createDemoHandler(options));
}

/**
 * Starts the demo server on `port`; resolves with its base URL.
 * Rejects with a readable message when the port is taken.
 */
export function startDemoServer({ port = Number(process.env.PORT ?? 8080), host, root = repoRoot, connectSrc = [], frameAncestors } = {}) {
  const server = createDemoServer({ root, connectSrc, frameAncestors });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`port ${port} is already in use (another npm start?). Stop that server or choose another port: PORT=${port + 1} npm start`));
      } else reject(error);
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://localhost:${address.port}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { url } = await startDemoServer();
    console.log(`demo server: ${url}  (bundle ${url}dist/embed/, feeds ${url}feeds/) — Ctrl+C stops it`);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exitCode = 1;
  }
}
