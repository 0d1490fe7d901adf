// The demo server against a throw-away repository layout: content types, caching, headers,
// and no way out of demo/, demo/feeds/ and dist/embed/.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDemoServer, startDemoServer } from '../../../scripts/serve.mjs';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let port: number;
let close: () => Promise<void>;

/** A raw request: the path goes on the wire exactly as written (fetch would normalise "..") */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'wir-serve-'));
  await mkdir(join(root, 'demo/feeds'), { recursive: true });
  await mkdir(join(root, 'demo/sub'), { recursive: true });
  await mkdir(join(root, 'dist/embed/widgets'), { recursive: true });
  await mkdir(join(root, 'dist/embed/chunks'), { recursive: true });
  await mkdir(join(root, 'dist/embed/.vite'), { recursive: true });
  await writeFile(join(root, 'package.json'), '{"secret": true}');
  await writeFile(join(root, 'demo/index.html'), '<!doctype html><title>Demo</title>');
  await writeFile(join(root, 'demo/site.css'), 'body{}');
  await writeFile(join(root, 'demo/sub/index.html'), '<!doctype html><title>Sub</title>');
  await writeFile(join(root, 'demo/feeds/hannover.json'), '{"schemaVersion":"1.0"}');
  await writeFile(join(root, 'dist/embed/wir-widgets.js'), '(()=>{})();');
  await writeFile(join(root, 'dist/embed/frame.html'), '<!doctype html><title>Frame</title>');
  await writeFile(join(root, 'dist/embed/widgets/wir-x.js'), 'export {};');
  await writeFile(join(root, 'dist/embed/chunks/lit-abc123.js'), 'export {};');
  await writeFile(join(root, 'dist/embed/.vite/manifest.json'), '{}');
  await symlink(join(root, 'package.json'), join(root, 'demo/escape.json'));
  const server = createDemoServer({ root });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

after(async () => {
  await close();
  await rm(root, { recursive: true, force: true });
});

describe('demo server: what it serves', () => {
  it('serves demo/index.html at / as HTML with a strict CSP', async () => {
    const reply = await get('/');
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(reply.body, /<title>Demo<\/title>/);
    const csp = String(reply.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  });

  it('lets other sites frame frame.html (the iframe embed) and no other page, under the same strict policy', async () => {
    const frame = String((await get('/dist/embed/frame.html?widget=wir-timeline')).headers['content-security-policy']);
    const page = String((await get('/')).headers['content-security-policy']);
    assert.match(frame, /frame-ancestors \*(;|$)/);
    assert.match(page, /frame-ancestors 'self'(;|$)/);
    assert.equal(frame.replace(/frame-ancestors [^;]*/, ''), page.replace(/frame-ancestors [^;]*/, ''));
    assert.match(frame, /require-trusted-types-for 'script'/);
  });

  it('names the partners that may frame frame.html when told to', async () => {
    const server = createDemoServer({ root, frameAncestors: ['https://partner.example', 'https://beirat.example'] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const own = (server.address() as AddressInfo).port;
      const csp = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: own, path: '/dist/embed/frame.html' }, (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        }).on('error', reject).end();
      });
      assert.match(csp, /frame-ancestors https:\/\/partner\.example https:\/\/beirat\.example(;|$)/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serves the loader and widget modules as JavaScript, with CORS for other origins', async () => {
    for (const path of ['/dist/embed/wir-widgets.js', '/dist/embed/widgets/wir-x.js']) {
      const reply = await get(path);
      assert.equal(reply.status, 200, path);
      assert.equal(reply.headers['content-type'], 'text/javascript; charset=utf-8', path);
      assert.equal(reply.headers['access-control-allow-origin'], '*', path);
      assert.equal(reply.headers['cache-control'], 'no-cache', path);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff', path);
    }
  });

  it('caches content-hashed chunks for a year, immutable', async () => {
    const reply = await get('/dist/embed/chunks/lit-abc123.js');
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('serves the sample feed from demo/feeds at /feeds/ as JSON', async () => {
    const reply = await get('/feeds/hannover.json');
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(reply.headers['access-control-allow-origin'], '*');
    assert.deepEqual(JSON.parse(reply.body), { schemaVersion: '1.0' });
  });

  it('serves CSS, ignores the query string and answers HEAD without a body', async () => {
    assert.equal((await get('/site.css?v=2')).headers['content-type'], 'text/css; charset=utf-8');
    const head = await get('/dist/embed/wir-widgets.js', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers['content-length'], String('(()=>{})();'.length));
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await get('/feeds/hannover.json');
    const again = await get('/feeds/hannover.json', { 'If-None-Match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
  });

  it('redirects a folder without its slash and serves its index.html', async () => {
    const redirect = await get('/sub');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/sub/');
    assert.match((await get('/sub/')).body, /<title>Sub<\/title>/);
  });

  it('never redirects to another host: "//sub" must not become the scheme-relative "//sub/"', async () => {
    for (const path of ['//sub', '///sub']) {
      const redirect = await get(path);
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.location, '/sub/', path);
    }
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    assert.equal((await get('/nope.html')).status, 404);
    assert.equal((await get('/dist/embed/widgets/wir-nope.js')).status, 404);
    const post = await get('/', {}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });
});

describe('demo server: no way out of its folders', () => {
  const attempts = [
    '/../package.json',
    '/../../package.json',
    '/..%2f..%2fpackage.json',
    '/..%2Fpackage.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/feeds/..%2f..%2fpackage.json',
    '/feeds/%2e%2e/%2e%2e/package.json',
    '/dist/embed/..%2f..%2fpackage.json',
    '/dist/embed/../../package.json',
    '/dist/embed/%2e%2e%2f%2e%2e%2fpackage.json',
    '/%252e%252e%252fpackage.json',
    '/.%2e/package.json',
    '/demo/../package.json',
    '/%00../package.json',
    '/escape.json',
  ];
  for (const path of attempts) {
    it(`refuses ${path}`, async () => {
      const reply = await get(path);
      assert.ok([400, 403, 404].includes(reply.status), `${path} answered ${reply.status}`);
      assert.doesNotMatch(reply.body, /secret/);
    });
  }

  it('does not serve dot folders such as dist/embed/.vite', async () => {
    assert.equal((await get('/dist/embed/.vite/manifest.json')).status, 404);
  });

  it('answers 400 for broken percent-encoding', async () => {
    assert.equal((await get('/%E0%A4%A')).status, 400);
  });
});

describe('demo server: start', () => {
  it('says clearly when the port is taken', async () => {
    await assert.rejects(startDemoServer({ port, host: '127.0.0.1', root }), /port \d+ is already in use/);
  });
});
