// The classic-script loader as a partner page runs it: dist/embed/wir-widgets.js in a fixture
// page, with a stand-in widget module (fixtures/fake-embed) so these tests are about what the
// loader requests and when, independent of what the carousel draws.
import { expect } from '@open-wc/testing';
import { closeFrames, fixtures, openFrame, requireBuilt, waitFor } from './frame.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha, so this module types
// the few it uses (module-scoped, so a later global declaration cannot clash with these).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

const fakeModule = new URL(`${fixtures}fake-embed/widgets/wir-guideline-carousel.js`, location.href).href;
const widgetModuleRequests = (requests: string[]) => requests.filter((url) => /\/widgets\/[^/]+\.js$/.test(url));

describe('wir-widgets.js (classic-script loader)', () => {
  before(() => requireBuilt());
  afterEach(() => closeFrames());

  it('publishes window.WIRWidgets with absolute feed and base URLs and the version', async () => {
    const { win } = await openFrame('loader-present.html');
    await waitFor(() => win.WIRWidgets?.version, 'WIRWidgets.version');
    expect(win.WIRWidgets!.feed).to.equal(new URL(`${fixtures}feeds/feed-a.json`, location.href).href);
    expect(win.WIRWidgets!.base).to.equal(new URL(`${fixtures}fake-embed/`, location.href).href);
    expect(win.WIRWidgets!.version).to.match(/^\d+\.\d+\.\d+/);
  });

  it('takes its base from its own script URL when the page sets none', async () => {
    const { win } = await openFrame('carousel-two.html');
    await waitFor(() => win.WIRWidgets?.base, 'WIRWidgets.base');
    expect(win.WIRWidgets!.base).to.equal(new URL('/dist/embed/', location.href).href);
  });

  it('loads the module of a registered widget on the page once, and nothing for unknown wir-* tags', async () => {
    const { win, doc, requests } = await openFrame('loader-present.html');
    await waitFor(() => doc.querySelector('wir-guideline-carousel[data-fake-upgraded]'), 'the carousel to upgrade');
    expect(widgetModuleRequests(requests())).to.deep.equal([fakeModule]);
    expect(win.fakeWidgetEvaluations).to.equal(1);
    expect(requests().some((url) => url.includes('wir-unknown-thing'))).to.equal(false);
    expect(win.customElements.get('wir-unknown-thing')).to.equal(undefined);
    expect(win.consoleRecords).to.deep.equal([]);
  });

  it('leaves the element src to the widget and offers data-feed as the default', async () => {
    const { doc } = await openFrame('loader-present.html');
    const upgraded = await waitFor(() => {
      const found = [...doc.querySelectorAll('wir-guideline-carousel[data-fake-upgraded]')];
      return found.length === 2 ? found : undefined;
    }, 'both carousels to upgrade');
    const [plain, withSrc] = upgraded;
    expect(plain.getAttribute('data-feed-used')).to.equal(new URL(`${fixtures}feeds/feed-a.json`, location.href).href);
    expect(withSrc.getAttribute('data-feed-used')).to.equal('/packages/embed/test/fixtures/feeds/feed-b.json');
  });

  it('still loads the widgets when data-feed is not a URL at all, and hands the value on for them to report', async () => {
    const { win, doc } = await openFrame('loader-bad-feed.html');
    await waitFor(() => doc.querySelectorAll('wir-guideline-carousel[data-fake-upgraded]').length === 2, 'both carousels to upgrade');
    expect(win.WIRWidgets!.feed).to.equal('https://[example.org/feed.json');
    expect(doc.querySelector('wir-guideline-carousel')!.getAttribute('data-feed-used')).to.equal('https://[example.org/feed.json');
  });

  describe('markup on the page that shadows what the loader reads (DOM clobbering)', () => {
    const evil = (requests: string[]) => requests.filter((url) => url.includes('/fixtures/evil/'));
    const realBase = new URL('/dist/embed/', location.href).href;
    const feedA = new URL(`${fixtures}feeds/feed-a.json`, location.href).href;

    it('an <img name="currentScript"> cannot choose where widget modules come from', async () => {
      const { win, requests } = await openFrame('loader-clobber-script.html');
      await waitFor(() => win.WIRWidgets?.version, 'the loader to run');
      await waitFor(() => widgetModuleRequests(requests()).length, 'a widget module request');
      expect(evil(requests()).filter((url) => url.endsWith('.js'))).to.deep.equal([]);
      expect((win as unknown as { pwned?: boolean }).pwned).to.equal(undefined);
      expect(win.WIRWidgets!.base).to.equal(realBase);
      expect(win.WIRWidgets!.feed).to.equal(feedA);
    });

    it('elements with the id WIRWidgets cannot stand in for the configuration', async () => {
      const { win, requests } = await openFrame('loader-clobber-global.html');
      await waitFor(() => typeof win.WIRWidgets?.version === 'string', 'the loader to run');
      await waitFor(() => widgetModuleRequests(requests()).length, 'a widget module request');
      expect(evil(requests())).to.deep.equal([]);
      expect((win as unknown as { pwned?: boolean }).pwned).to.equal(undefined);
      expect(Object.getPrototypeOf(win.WIRWidgets)).to.equal(win.Object.prototype);
      expect(win.WIRWidgets!.base).to.equal(realBase);
      expect(win.WIRWidgets!.feed).to.equal(feedA);
    });
  });

  it('requests no widget module when no registered widget is on the page', async () => {
    const { win, requests } = await openFrame('loader-absent.html');
    await waitFor(() => win.WIRWidgets?.version, 'the loader to run');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(widgetModuleRequests(requests())).to.deep.equal([]);
  });

  it('upgrades an element inserted later', async () => {
    const { win, doc, requests } = await openFrame('loader-absent.html');
    await waitFor(() => win.WIRWidgets?.version, 'the loader to run');
    const element = doc.createElement('wir-guideline-carousel');
    doc.getElementById('slot')!.append(element);
    await waitFor(() => element.hasAttribute('data-fake-upgraded'), 'the inserted carousel to upgrade');
    expect(widgetModuleRequests(requests())).to.deep.equal([fakeModule]);
  });

  it('upgrades an element stamped from a template deep inside a subtree, as frameworks do', async () => {
    const { win, doc } = await openFrame('loader-absent.html');
    await waitFor(() => win.WIRWidgets?.version, 'the loader to run');
    const template = doc.getElementById('stamp') as HTMLTemplateElement;
    doc.getElementById('slot')!.append(doc.importNode(template.content, true));
    await waitFor(() => doc.querySelector('#slot wir-guideline-carousel[data-fake-upgraded]'), 'the stamped carousel to upgrade');
    // The element left in the inert template stays as it was.
    expect(template.content.querySelector('wir-guideline-carousel')!.hasAttribute('data-fake-upgraded')).to.equal(false);
  });

  it('finds elements the parser adds after a synchronous loader in <head> ran', async () => {
    const { doc } = await openFrame('loader-sync-head.html');
    await waitFor(() => doc.querySelector('wir-guideline-carousel[data-fake-upgraded]'), 'the carousel to upgrade');
  });

  it('loads nothing twice when the snippet is on the page twice, and warns about the ignored data-feed', async () => {
    const { win, doc, requests } = await openFrame('loader-twice.html');
    await waitFor(() => doc.querySelectorAll('wir-guideline-carousel[data-fake-upgraded]').length === 2, 'both carousels');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(widgetModuleRequests(requests())).to.deep.equal([fakeModule]);
    expect(win.fakeWidgetEvaluations).to.equal(1);
    expect(win.WIRWidgets!.feed).to.equal(new URL(`${fixtures}feeds/feed-a.json`, location.href).href);
    const warnings = win.consoleRecords!.filter((record) => record.level === 'warn');
    expect(warnings).to.have.length(1);
    expect(warnings[0].text).to.contain('feeds/feed-b.json');
  });

  it('requests nothing for a tag the page already defined itself', async () => {
    const { win, requests } = await openFrame('loader-predefined.html');
    await waitFor(() => win.WIRWidgets?.version, 'the loader to run');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(widgetModuleRequests(requests())).to.deep.equal([]);
  });

  it('reports a module that fails to load, marks the element and keeps its fallback content visible', async () => {
    const { win, doc } = await openFrame('loader-missing.html');
    const element = doc.querySelector('wir-guideline-carousel')!;
    await waitFor(() => element.getAttribute('data-wir-load') === 'failed', 'data-wir-load="failed"');
    const errors = win.consoleRecords!.filter((record) => record.level === 'error');
    expect(errors).to.have.length(1);
    expect(errors[0].text).to.contain('<wir-guideline-carousel>');
    expect(errors[0].text).to.contain(`${fixtures}no-such-folder/widgets/wir-guideline-carousel.js`);
    expect(doc.getElementById('fallback')!.getBoundingClientRect().height).to.be.greaterThan(0);

    // One more of the same kind later: marked too, and no second attempt.
    const later = doc.createElement('wir-guideline-carousel');
    doc.body.append(later);
    await waitFor(() => later.getAttribute('data-wir-load') === 'failed', 'the later element to be marked');
    expect(win.consoleRecords!.filter((record) => record.level === 'error')).to.have.length(1);
  });
});
