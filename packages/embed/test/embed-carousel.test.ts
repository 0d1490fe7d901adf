// The real thing end to end: the built loader pulls the built <wir-guideline-carousel> from
// dist/embed/widgets/, and the carousel loads its feed through @wir/feed (one request per
// feed URL per page). Fixture feeds A and B differ in every title, so the rendered text shows
// which feed an element used.
import { expect } from '@open-wc/testing';
import { builtLoader, closeFrames, fixtures, openFrame, requireBuilt, waitFor } from './frame.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha, so this module types
// the few it uses (module-scoped, so a later global declaration cannot clash with these).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

const feedA = `${fixtures}feeds/feed-a.json`;
const feedB = `${fixtures}feeds/feed-b.json`;
const carouselModule = '/dist/embed/widgets/wir-guideline-carousel.js';

const shadowText = (element: Element | null) => element?.shadowRoot?.textContent ?? '';

describe('script-tag embed of <wir-guideline-carousel> (dist/embed)', () => {
  before(async () => {
    await requireBuilt(builtLoader);
    await requireBuilt(carouselModule);
  });
  afterEach(() => closeFrames());

  it('renders two carousels from the data-feed default with exactly one feed request and one module request', async () => {
    const { win, doc, requestCount } = await openFrame('carousel-two.html');
    const first = doc.getElementById('first');
    const second = doc.getElementById('second');
    await waitFor(() => shadowText(first).includes('Feed A:') && shadowText(second).includes('Feed A:'), 'both carousels to show feed A');
    expect(win.customElements.get('wir-guideline-carousel')).to.be.a('function');
    expect(requestCount(feedA)).to.equal(1);
    expect(requestCount(carouselModule)).to.equal(1);
    expect(requestCount(builtLoader)).to.equal(1);
  });

  it('lets an element src override the data-feed default', async () => {
    const { doc, requestCount } = await openFrame('carousel-src.html');
    const byDefault = doc.getElementById('default');
    const override = doc.getElementById('override');
    await waitFor(() => shadowText(byDefault).includes('Feed A:'), 'the default carousel to show feed A');
    await waitFor(() => shadowText(override).includes('Feed B:'), 'the overriding carousel to show feed B');
    expect(shadowText(byDefault)).not.to.contain('Feed B:');
    expect(shadowText(override)).not.to.contain('Feed A:');
    expect(requestCount(feedA)).to.equal(1);
    expect(requestCount(feedB)).to.equal(1);
  });

  it('loads only the static chunks of the carousel, no other widget entries', async () => {
    const { doc, requests } = await openFrame('carousel-two.html');
    await waitFor(() => shadowText(doc.getElementById('first')).includes('Feed A:'), 'the carousel to render');
    const widgetEntries = requests().filter((url) => url.includes('/dist/embed/widgets/'));
    expect(widgetEntries.map((url) => new URL(url).pathname)).to.deep.equal([carouselModule]);
  });

  it('runs under the demo server\'s strict CSP with Trusted Types, without a single violation', async () => {
    const { win, doc } = await openFrame('carousel-strict-csp.html');
    const violations = () => (win as unknown as { cspViolations: string[] }).cspViolations;
    await waitFor(() => shadowText(doc.getElementById('first')).includes('Feed A:'), 'the carousel to render');
    await waitFor(() => shadowText(doc.getElementById('second')).includes('Feed A:'), 'the Arabic carousel to render');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations(), violations().join('\n')).to.deep.equal([]);
  });

  it('runs under the documented Trusted Types policy on a page that uses Lit itself', async () => {
    const { win, doc } = await openFrame('carousel-page-uses-lit.html');
    const violations = () => (win as unknown as { cspViolations: string[] }).cspViolations;
    await waitFor(() => shadowText(doc.getElementById('first')).includes('Feed A:') || violations().length, 'the carousel to render');
    expect(violations(), violations().join('\n')).to.deep.equal([]);
  });
});
