// The pictures of docs/theming.md: every widget in the light scheme, the dark scheme and a
// custom theme, and the colour tokens as swatches — rendered from the built bundle, so the
// pictures show what partners get.
//
//   npm run build && node scripts/theming-pictures.mjs
//
// Builds nothing itself. It starts the demo server (scripts/serve.mjs) on a free port, opens
// each widget alone on an empty page in headless Chromium (puppeteer-core, /usr/bin/chromium or
// CHROME_PATH) and writes docs/images/theming/<widget>-<theme>.png and swatches.png. The vote
// API is answered in the browser with fixed results, so the voting box needs no server and the
// pictures do not change from run to run. Prints the colour tokens as a Markdown table too,
// read from the built widgets, to compare with docs/theming.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync, constants } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from './serve.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'docs/images/theming');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Page background and what is set on the element: attributes and custom properties. */
const themes = {
  light: { page: '#ffffff', attributes: { scheme: 'light' }, properties: {} },
  dark: { page: '#0d1014', attributes: { scheme: 'dark' }, properties: {} },
  // A partner's own look: its accent, square corners, a serif font.
  custom: {
    page: '#faf6f1',
    attributes: { scheme: 'light' },
    properties: {
      '--wir-color-accent': '#8c2155',
      '--wir-color-focus': '#8c2155',
      '--wir-color-surface-raised': '#f6ecf0',
      '--wir-radius-s': '0',
      '--wir-radius-m': '0',
      '--wir-radius-l': '0',
      '--wir-font-family': 'DejaVu Serif, Georgia, serif',
    },
  },
};

/** Each widget as a partner might place it; `ready` is the part that shows it has settled. */
const widgets = [
  { tag: 'wir-guideline-carousel', name: 'carousel', width: 560, attributes: { start: '2' }, ready: 'base' },
  // A fixed "today" keeps the past / current / upcoming marks the same in every run.
  { tag: 'wir-timeline', name: 'timeline', width: 560, attributes: { today: '2026-03-10', upcoming: '', heading: 'Zeitleiste' }, ready: 'list' },
  { tag: 'wir-action-field-explorer', name: 'explorer', width: 720, attributes: { layout: 'compact' }, ready: 'fields', maxHeight: 760 },
  { tag: 'wir-voting-box', name: 'voting-box', width: 560, attributes: { poll: 'title-vote' }, ready: 'results' },
];

/** What the vote API answers for the sample feed's closed poll. */
const pollAnswer = {
  state: 'closed',
  challengeRequired: false,
  voted: null,
  results: { counts: { 'wir-sind-hannover': 412, 'vielfalt-verbindet': 268, 'hannover-fuer-alle': 351, 'gemeinsam-stadt-machen': 115 }, total: 1146 },
  refreshAfter: 3600,
};

/** The pixels of a PNG as Chromium writes it (8-bit RGB or RGBA, not interlaced). */
function decodePng(png) {
  const chunks = pngChunks(png);
  const header = chunks.find((c) => c.type === 'IHDR').data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colorType, , , interlace] = header.subarray(8);
  if (depth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2)) throw new Error('unexpected PNG format from the browser');
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (line[x] + predicted) & 255;
    }
  }
  return { width, height, channels, pixels };
}

function pngChunks(png) {
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/**
 * Chromium writes PNGs for speed. The pictures are committed, so they are written again with a
 * palette of the picture's 256 most frequent colours (flat UI colours and most of the text's
 * anti-aliasing shades), the rare rest mapped to the nearest of them: about half the bytes and
 * no visible difference at 1:1. Screenshots have no transparency.
 */
function compactPng(png) {
  const { width, height, channels, pixels } = decodePng(png);
  const rgbAt = (i) => (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
  const frequency = new Map();
  for (let i = 0; i < pixels.length; i += channels) frequency.set(rgbAt(i), (frequency.get(rgbAt(i)) ?? 0) + 1);
  const palette = [...frequency.keys()].sort((a, b) => frequency.get(b) - frequency.get(a)).slice(0, 256);
  const index = new Map(palette.map((rgb, i) => [rgb, i]));
  const nearest = (rgb) => {
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach((candidate, i) => {
      const d = ((rgb >> 16) - (candidate >> 16)) ** 2 + (((rgb >> 8) & 255) - ((candidate >> 8) & 255)) ** 2 + ((rgb & 255) - (candidate & 255)) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(rgb, best);
    return best;
  };
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = rgbAt((y * width + x) * channels);
      rows[y * (width + 1) + 1 + x] = index.get(rgb) ?? nearest(rgb);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 3;
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((rgb, i) => plte.writeUIntBE(rgb, i * 3, 3));
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Opens the demo page, removes its content and styles and puts `tag` alone into an empty,
 * `width` px wide frame on the theme's background. Only DOM calls, no HTML strings: the page
 * enforces Trusted Types.
 */
async function isolate(page, url, { tag, width, attributes }, theme) {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(
    (tag, width, attributes, theme) => {
      for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) node.remove();
      document.body.replaceChildren();
      document.body.style.setProperty('margin', '0');
      document.body.style.setProperty('background', theme.page);
      const frame = document.createElement('div');
      frame.id = 'frame';
      for (const [name, value] of Object.entries({
        width: `${width}px`,
        padding: '16px',
        'box-sizing': 'border-box',
        background: theme.page,
        'font-family': 'DejaVu Sans, sans-serif',
        'line-height': '1.5',
      })) {
        frame.style.setProperty(name, value);
      }
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries({ ...attributes, ...theme.attributes })) element.setAttribute(name, value);
      for (const [name, value] of Object.entries(theme.properties)) element.style.setProperty(name, value);
      frame.append(element);
      document.body.append(frame);
    },
    tag,
    width,
    attributes,
    theme,
  );
}

async function settle(page, tag, part) {
  await page.waitForFunction((tag, part) => document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`), { timeout: 15_000 }, tag, part);
  await page.evaluate(() => document.fonts.ready);
  // Two frames: layout after the last update, then paint.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function screenshot(page, path, maxHeight) {
  const frame = await page.$('#frame');
  const box = await frame.boundingBox();
  const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, maxHeight ?? Infinity) };
  const png = compactPng(Buffer.from(await page.screenshot({ clip, captureBeyondViewport: true })));
  await writeFile(path, png);
  return png.length;
}

/** Reads the resolved colour tokens from a widget in each scheme. */
async function colourTokens(page, url) {
  await isolate(page, url, { tag: 'wir-timeline', width: 400, attributes: {} }, themes.light);
  await settle(page, 'wir-timeline', 'base');
  return page.evaluate(() => {
    const host = document.querySelector('wir-timeline');
    const names = [...new Set([...host.shadowRoot.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('').match(/--_wir-color-[a-z-]+/g))];
    const read = (scheme) => {
      host.setAttribute('scheme', scheme);
      const style = getComputedStyle(host);
      return Object.fromEntries(names.map((name) => [name.replace('--_wir-', '--wir-'), style.getPropertyValue(name).trim()]));
    };
    return { light: read('light'), dark: read('dark') };
  });
}

async function swatches(page, url, tokens, path) {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate((tokens) => {
    for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) node.remove();
    document.body.replaceChildren();
    document.body.style.setProperty('margin', '0');
    const frame = document.createElement('div');
    frame.id = 'frame';
    const css = (node, properties) => {
      for (const [name, value] of Object.entries(properties)) node.style.setProperty(name, value);
      return node;
    };
    css(frame, { display: 'grid', 'grid-template-columns': 'auto 1fr 1fr', width: '560px', 'font-family': 'DejaVu Sans, sans-serif', 'font-size': '13px', background: '#fff', color: '#1b1d21' });
    const cell = (text, properties = {}) => {
      const node = document.createElement('div');
      node.textContent = text;
      return css(node, { padding: '6px 10px', display: 'flex', 'align-items': 'center', gap: '8px', ...properties });
    };
    const chip = (colour, page) => {
      const node = cell('', { padding: '0' });
      const swatch = css(document.createElement('span'), { width: '28px', height: '20px', background: colour, border: `1px solid ${page === 'dark' ? '#8a929e' : '#6f7682'}`, 'border-radius': '3px' });
      const label = css(document.createElement('code'), { 'font-size': '12px' });
      label.textContent = colour;
      node.append(swatch, label);
      return node;
    };
    frame.append(cell('token', { 'font-weight': '700' }), cell('light', { 'font-weight': '700' }), cell('dark', { 'font-weight': '700', background: '#15181d', color: '#f1f3f6' }));
    for (const name of Object.keys(tokens.light)) {
      const dark = chip(tokens.dark[name], 'dark');
      css(dark, { background: '#15181d', color: '#f1f3f6', padding: '6px 10px' });
      const light = chip(tokens.light[name], 'light');
      css(light, { padding: '6px 10px' });
      frame.append(cell(name, { 'font-family': 'DejaVu Sans Mono, monospace', 'font-size': '12px' }), light, dark);
    }
    document.body.append(frame);
  }, tokens);
  return screenshot(page, path);
}

async function main() {
  if (!existsSync(join(repoRoot, 'dist/embed/wir-widgets.js'))) {
    throw new Error('dist/embed/wir-widgets.js is missing: run npm run build first');
  }
  await mkdir(outDir, { recursive: true });
  const { server, url } = await startDemoServer({ port: 0, host: '127.0.0.1' });
  const browser = await puppeteer.launch({ executablePath: chromePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  try {
    const page = await browser.newPage();
    // The demo page's CSP allows no other origin, and the vote API is one (answered below).
    await page.setBypassCSP(true);
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.setViewport({ width: 800, height: 1000, deviceScaleFactor: 1 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!/\/v1\/polls\/title-vote$/.test(request.url().split('?')[0])) return request.continue();
      return request.respond({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
        contentType: 'application/json',
        body: JSON.stringify(pollAnswer),
      });
    });

    for (const widget of widgets) {
      for (const [themeName, theme] of Object.entries(themes)) {
        await isolate(page, url, widget, theme);
        await settle(page, widget.tag, widget.ready);
        const file = `${widget.name}-${themeName}.png`;
        const bytes = await screenshot(page, join(outDir, file), widget.maxHeight);
        console.log(`docs/images/theming/${file}  ${(bytes / 1024).toFixed(1)} kB`);
      }
    }

    const tokens = await colourTokens(page, url);
    const bytes = await swatches(page, url, tokens, join(outDir, 'swatches.png'));
    console.log(`docs/images/theming/swatches.png  ${(bytes / 1024).toFixed(1)} kB`);
    console.log('\n| token | light | dark |\n| --- | --- | --- |');
    for (const name of Object.keys(tokens.light)) console.log(`| \`${name}\` | \`${tokens.light[name]}\` | \`${tokens.dark[name]}\` |`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(`theming-pictures: ${error?.message ?? error}`);
  process.exitCode = 1;
});
