// The iframe embed as partners use it: the built dist/embed/frame.html inside a host page
// (a fixture, in its own iframe), with and without the host's wir-frame-resize.js. The test
// server answers on localhost and on 127.0.0.1, so a frame on the other name is a real
// cross-origin frame: its messages carry another origin, and the host cannot look inside.
import { expect } from '@open-wc/testing';
import { closeFrames, openFrame, requireBuilt, waitFor, fixtures, type Frame } from './frame.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha, so this module types
// the few it uses (module-scoped, so a later global declaration cannot clash with these).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

const here = location.origin;
const there = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const feedA = (origin: string) => `${origin}${fixtures}feeds/feed-a.json`;
const frameSrc = (origin: string, params: Record<string, string>) =>
  `${origin}/dist/embed/frame.html?${new URLSearchParams(params)}`;
const posterSrc = (origin: string, messages: unknown[]) =>
  `${origin}${fixtures}frame-poster.html?${new URLSearchParams({ messages: JSON.stringify(messages) })}`;
const shadowText = (element: Element | null | undefined) => element?.shadowRoot?.textContent ?? '';

/** Adds an iframe to the host page the way the configurator's snippet writes it. */
function addFrame(host: Frame, src: string, { id, height = '400' }: { id?: string; height?: string } = {}) {
  const iframe = host.doc.createElement('iframe');
  if (id !== undefined) iframe.setAttribute('data-wir-frame', id);
  iframe.setAttribute('width', '100%');
  iframe.setAttribute('height', height);
  iframe.setAttribute('title', 'WIR');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  host.doc.body.append(iframe);
  return { iframe, loaded };
}

/** Every message that reaches `win` from now on. */
function recordMessages(win: Window): MessageEvent[] {
  const seen: MessageEvent[] = [];
  win.addEventListener('message', (event) => seen.push(event));
  return seen;
}

/** The heights the resize script gave `iframe`, in order. */
function recordHeights(iframe: HTMLIFrameElement): string[] {
  const heights: string[] = [];
  new MutationObserver(() => heights.push(iframe.style.height)).observe(iframe, { attributeFilter: ['style'] });
  return heights;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('frame.html (iframe embed page, dist/embed)', () => {
  before(async () => {
    await requireBuilt('/dist/embed/frame.html');
    await requireBuilt('/dist/embed/frame.js');
    await requireBuilt('/dist/embed/wir-frame-resize.js');
  });
  afterEach(() => closeFrames());

  it('renders the widget of its address through the loader, attributes set verbatim, page lang and dir from lang', async () => {
    const host = await openFrame('frame-host-bare.html');
    const heading = '<b>Überschrift</b> "x" & y';
    const { iframe, loaded } = addFrame(host, frameSrc(here, {
      widget: 'wir-guideline-carousel', feed: feedA(here), id: 'f1', lang: 'ar', accent: '#8c2155', heading, 'heading-level': '3',
    }));
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis & { WIRWidgets?: { version?: string; base?: string } };
    const doc = iframe.contentDocument!;
    const element = doc.querySelector('wir-guideline-carousel')!;
    await waitFor(() => shadowText(element).includes('Feed A:'), 'the carousel to render feed A');

    expect(doc.documentElement.lang).to.equal('ar');
    expect(doc.documentElement.dir).to.equal('rtl');
    expect(element.getAttribute('lang')).to.equal('ar');
    expect(element.getAttribute('src')).to.equal(feedA(here));
    expect(element.getAttribute('heading')).to.equal(heading);
    expect(element.getAttribute('heading-level')).to.equal('3');
    expect((element as HTMLElement).style.getPropertyValue('--wir-color-accent')).to.equal('#8c2155');
    expect(element.hasAttribute('id')).to.equal(false);
    // The heading's markup stays text: no <b> element anywhere.
    expect(shadowText(element)).to.contain(heading);
    expect(element.shadowRoot!.querySelector('b')).to.equal(null);
    expect(doc.querySelectorAll('main > *:not(noscript)')).to.have.length(1);
    // The same loader as on a partner page, loading the module of this one widget.
    expect(win.WIRWidgets?.version).to.match(/^\d+\.\d+\.\d+/);
    expect(win.WIRWidgets?.base).to.equal(`${here}/dist/embed/`);
    const modules = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/widgets/'));
    expect(modules).to.deep.equal(['/dist/embed/widgets/wir-guideline-carousel.js']);
  });

  it('opens links that leave the widget on the embedding page, and keeps links within the frame in it', async () => {
    const host = await openFrame('frame-host-bare.html');
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-guideline-carousel', feed: `${here}/__test/feed/groups.json`, id: 'links' }));
    await loaded;
    const doc = iframe.contentDocument!;
    const win = iframe.contentWindow!;
    const element = doc.querySelector('wir-guideline-carousel')!;
    const external = await waitFor(
      () => element.shadowRoot?.querySelector<HTMLAnchorElement>('[data-active] a[part~="measures-link"]'),
      'the measures link',
    );
    expect(new URL(external.href).origin).to.not.equal(here);
    const inside = doc.createElement('a');
    inside.href = '?widget=x#wir-explorer=field:bildung';
    inside.textContent = 'in der Box';
    doc.querySelector('main')!.append(inside);
    // Seen after the frame's own handler; the test page must not actually navigate.
    const targets: string[] = [];
    win.addEventListener('click', (event) => {
      targets.push((event.composedPath()[0] as HTMLAnchorElement).target);
      event.preventDefault();
    }, true);
    external.click();
    inside.click();
    expect(targets).to.deep.equal(['_top', '']);
  });

  it('sets boolean attributes given with an empty value', async () => {
    const host = await openFrame('frame-host-bare.html');
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-timeline', feed: `${here}/__test/feed/complete.json`, upcoming: '', 'no-filter': '' }));
    await loaded;
    const element = iframe.contentDocument!.querySelector('wir-timeline')!;
    await waitFor(() => element.shadowRoot?.childElementCount, 'the timeline to render');
    expect(element.getAttribute('upcoming')).to.equal('');
    expect(element.getAttribute('no-filter')).to.equal('');
    expect(iframe.contentDocument!.documentElement.lang).to.equal('de');
    expect(iframe.contentDocument!.documentElement.dir).to.equal('');
  });

  it('shows what is wrong with a bad address, creates no element, and still reports its height', async () => {
    const host = await openFrame('frame-host-bare.html');
    const messages = recordMessages(host.win);
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-nope', feed: 'javascript:alert(1)', id: 'bad', onclick: 'alert(2)' }), { id: 'bad' });
    await loaded;
    const doc = iframe.contentDocument!;
    const problem = await waitFor(() => doc.querySelector('.problem'), 'the problem message');
    const text = problem.textContent!;
    expect(text).to.contain('Die Adresse dieses eingebetteten Elements ist fehlerhaft.');
    expect(text).to.contain('widget=wir-nope is not a known widget; expected one of wir-guideline-carousel');
    expect(text).to.contain('feed= must be an absolute http: or https: URL.');
    expect(text).to.contain('"onclick" cannot be set through the frame address.');
    expect([...doc.querySelectorAll('*')].filter((e) => e.localName.startsWith('wir-'))).to.deep.equal([]);
    const message = await waitFor(() => messages.find((m) => m.source === iframe.contentWindow), 'a height message');
    expect(message.data.height).to.equal(Math.ceil(doc.querySelector('main')!.getBoundingClientRect().height));
  });

  it('cross-origin: posts exactly { type, id, height } to its parent, again when its content height changes', async () => {
    const host = await openFrame('frame-host-bare.html');
    const messages = recordMessages(host.win);
    const { iframe, loaded } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'x1' }), { id: 'x1', height: '200' });
    await loaded;
    const fromFrame = () => messages.filter((m) => m.source === iframe.contentWindow);
    const first = await waitFor(() => fromFrame()[0], 'the first height message');
    expect(first.origin).to.equal(there);
    expect(Object.keys(first.data).sort()).to.deep.equal(['height', 'id', 'type']);
    expect(first.data.type).to.equal('wir-frame:height');
    expect(first.data.id).to.equal('x1');
    expect(Number.isInteger(first.data.height)).to.equal(true);
    expect(first.data.height).to.be.greaterThan(50);
    // Narrower, the carousel wraps its text and grows: a new message, nobody asked for it.
    await sleep(300);
    const before = fromFrame().at(-1)!.data.height;
    iframe.setAttribute('width', '260');
    await waitFor(() => fromFrame().at(-1)!.data.height > before, 'a larger height after the frame got narrower');
  });

  it('sends no height messages without an id', async () => {
    const host = await openFrame('frame-host-bare.html');
    const messages = recordMessages(host.win);
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-guideline-carousel', feed: feedA(here) }));
    await loaded;
    await waitFor(() => shadowText(iframe.contentDocument!.querySelector('wir-guideline-carousel')).includes('Feed A:'), 'the carousel');
    await sleep(200);
    expect(messages.filter((m) => m.source === iframe.contentWindow)).to.deep.equal([]);
  });
});

describe('wir-frame-resize.js (the iframe embed host script, dist/embed)', () => {
  before(() => requireBuilt('/dist/embed/wir-frame-resize.js'));
  afterEach(() => closeFrames());

  it('sizes a cross-origin frame added after the script ran to the height the frame reports', async () => {
    const host = await openFrame('frame-host.html');
    const messages = recordMessages(host.win);
    const { iframe } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'late' }), { id: 'late', height: '150' });
    const heights = recordHeights(iframe);
    const reported = () => messages.filter((m) => m.source === iframe.contentWindow).at(-1)?.data.height;
    await waitFor(() => reported() && iframe.clientHeight === reported(), 'the frame to take the reported height');
    expect(iframe.style.height).to.equal(`${reported()}px`);
    expect(heights.length).to.be.greaterThan(0);
    expect(iframe.getAttribute('height')).to.equal('150');
  });

  it('sizes a cross-origin frame while it is still out of view, before the reader scrolls there', async () => {
    const host = await openFrame('frame-host.html');
    const spacer = host.doc.createElement('div');
    spacer.style.height = '3000px';
    host.doc.body.append(spacer);
    const messages = recordMessages(host.win);
    const { iframe } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'below' }), { id: 'below', height: '150' });
    // Chromium renders no cross-origin frame out of view, so this needs more than the observer.
    await waitFor(() => iframe.style.height, 'the frame to be sized while out of view');
    expect(iframe.getBoundingClientRect().top).to.be.greaterThan(host.win.innerHeight);
    expect(iframe.clientHeight).to.equal(messages.filter((m) => m.source === iframe.contentWindow).at(-1)!.data.height);
    expect(iframe.clientHeight).to.be.greaterThan(150);
  });

  it('leaves no inner scrollbar, also with box-sizing: border-box and a border on the frame', async () => {
    const host = await openFrame('frame-host.html');
    const sheet = new host.win.CSSStyleSheet();
    sheet.replaceSync('iframe { box-sizing: border-box; border: 3px solid; padding: 2px }');
    host.doc.adoptedStyleSheets = [sheet];
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-guideline-carousel', feed: feedA(here), id: 'fit' }), { id: 'fit', height: '120' });
    await loaded;
    const doc = iframe.contentDocument!;
    await waitFor(() => shadowText(doc.querySelector('wir-guideline-carousel')).includes('Feed A:'), 'the carousel');
    const main = doc.querySelector('main')!;
    await waitFor(() => iframe.clientHeight - 4 === Math.ceil(main.getBoundingClientRect().height), 'the frame to fit its content');
    await sleep(100);
    expect(doc.documentElement.scrollHeight).to.be.at.most(doc.documentElement.clientHeight);
    expect(iframe.getBoundingClientRect().height).to.equal(Math.ceil(main.getBoundingClientRect().height) + 2 * 3 + 2 * 2);
  });

  it('ignores a message from the frame whose page is now of another origin than its src', async () => {
    const host = await openFrame('frame-host.html');
    const messages = recordMessages(host.win);
    const { iframe } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'x' }), { id: 'x', height: '150' });
    await waitFor(() => iframe.style.height, 'the first resize');
    await sleep(300);
    const settled = iframe.style.height;
    // The frame's own window, the right id and shape, but the page now comes from `here`.
    iframe.contentWindow!.location.href = posterSrc(here, [{ type: 'wir-frame:height', id: 'x', height: 777 }]);
    await waitFor(() => messages.find((m) => m.data?.height === 777), 'the poster\'s message');
    expect(messages.find((m) => m.data?.height === 777)!.source).to.equal(iframe.contentWindow);
    expect(iframe.style.height).to.equal(settled);
  });

  it('ignores a well-formed message with the right origin and id from another window', async () => {
    const host = await openFrame('frame-host.html');
    const messages = recordMessages(host.win);
    const { iframe } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'x' }), { id: 'x', height: '150' });
    await waitFor(() => iframe.style.height, 'the first resize');
    await sleep(300);
    const settled = iframe.style.height;
    // Same origin as the frame's src, but its own window (also a wir frame, with another id).
    const { iframe: other } = addFrame(host, posterSrc(there, [{ type: 'wir-frame:height', id: 'x', height: 777 }]), { id: 'y', height: '50' });
    await waitFor(() => messages.find((m) => m.data?.height === 777), 'the other window\'s message');
    expect(iframe.style.height).to.equal(settled);
    expect(other.style.height).to.equal('');
  });

  it('ignores messages of the wrong shape and applies the next good one', async () => {
    const host = await openFrame('frame-host.html');
    const messages = recordMessages(host.win);
    const { iframe } = addFrame(host, frameSrc(there, { widget: 'wir-guideline-carousel', feed: feedA(there), id: 'x' }), { id: 'x', height: '150' });
    await waitFor(() => iframe.style.height, 'the first resize');
    await sleep(300);
    const heights = recordHeights(iframe);
    const good = { type: 'wir-frame:height', id: 'x', height: 321 };
    const bad: unknown[] = [
      { ...good, height: 901, extra: true },
      { ...good, height: 902, type: 'wir-frame:size' },
      { ...good, height: 903, id: 'y' },
      { ...good, height: '904' },
      { ...good, height: { $number: 'NaN' } },
      { ...good, height: { $number: 'Infinity' } },
      { ...good, height: -1 },
      { ...good, height: 20001 },
      { type: 'wir-frame:height', height: 905 },
      { type: 'wir-frame:height', id: 'x', size: 906 },
      { type: 'wir-frame:height', id: 'x', height: null },
      JSON.stringify({ ...good, height: 907 }),
      ['wir-frame:height', 'x', 908],
      null,
      908,
    ];
    // The page at the frame's own origin and in its own window, so only the shape is wrong.
    iframe.contentWindow!.location.href = posterSrc(there, [...bad, good]);
    await waitFor(() => iframe.style.height === '321px', 'the good message to be applied');
    expect(messages.filter((m) => m.source === iframe.contentWindow).length).to.be.at.least(bad.length + 1);
    expect(heights).to.deep.equal(['321px']);
  });

  it('without the script, the frame keeps the height of its height attribute and the widget still works', async () => {
    const host = await openFrame('frame-host-bare.html');
    const messages = recordMessages(host.win);
    const { iframe, loaded } = addFrame(host, frameSrc(here, { widget: 'wir-guideline-carousel', feed: feedA(here), id: 'alone' }), { id: 'alone', height: '180' });
    await loaded;
    const doc = iframe.contentDocument!;
    await waitFor(() => shadowText(doc.querySelector('wir-guideline-carousel')).includes('Feed A:'), 'the carousel');
    await waitFor(() => messages.find((m) => m.source === iframe.contentWindow), 'a height message nobody applies');
    await sleep(100);
    expect(iframe.clientHeight).to.equal(180);
    expect(iframe.style.height).to.equal('');
    // Taller content than the fixed height stays reachable: the frame scrolls rather than clips.
    expect(doc.documentElement.scrollHeight).to.be.greaterThan(180);
    expect(doc.defaultView!.getComputedStyle(doc.documentElement).overflowY).not.to.equal('hidden');
  });
});
