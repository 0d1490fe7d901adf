import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { FeedError, clearFeedCache, loadFeed, feedSchema } from '@wir/feed';
import { WirElement, describeFeedError, renderEmpty, renderError, renderLoading, tokens } from '@wir/core';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

class StateProbe extends WirElement {
  static override feedPart = feedSchema;
  error?: FeedError;
  retried = 0;
  mode: 'loading' | 'error' | 'empty' = 'loading';
  override render() {
    if (this.mode === 'loading') return renderLoading('20rem');
    if (this.mode === 'empty') return renderEmpty('Nichts da.');
    return renderError(this.error!, () => this.retried++);
  }
}
customElements.define('test-state-probe', StateProbe);

async function errorOf(path: string): Promise<FeedError> {
  try {
    await loadFeed(path, { reload: true });
  } catch (error) {
    return error as FeedError;
  }
  throw new Error(`${path} loaded`);
}

async function render(mode: StateProbe['mode'], lang = 'de', error?: FeedError) {
  const el = await fixture<StateProbe>(html`<test-state-probe lang=${lang} .mode=${mode} .error=${error}></test-state-probe>`);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

describe('shared states', () => {
  beforeEach(() => clearFeedCache());

  it('loading reserves its space, is busy and says so', async () => {
    const el = await render('loading');
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(box.getBoundingClientRect().height).to.be.closeTo(20 * 16, 1);
    expect(box.textContent).to.contain('Inhalte werden geladen');
    await expect(el).to.be.accessible();
  });

  it('names each kind of feed error in the reader’s language', async () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['/__test/feed/status/404', /Fehlercode 404/, /error code 404/],
      ['/__test/feed/status/503', /Fehlercode 503/, /error code 503/],
      ['/__test/feed/html-200', /falscher Dateityp/, /wrong file type/],
      ['/__test/feed/not-json', /kein gültiges JSON/, /not valid JSON/],
      ['/__test/feed/huge-streamed', /zu groß/, /too large/],
      ['/__test/feed/invalid.json', /Erster Fehler bei: \$\.strategy\.title/, /First problem at: \$\.strategy\.title/],
      ['/__test/feed/newer-major.json', /neuer als dieses Widget/, /newer than this widget/],
      ['http://127.0.0.1:9/feed.json', /nicht erreichbar/, /cannot be reached/],
    ];
    for (const [path, german, english] of cases) {
      const error = await errorOf(path);
      const de = await render('error', 'de', error);
      expect(de.shadowRoot!.textContent, path).to.match(german);
      const en = await render('error', 'en', error);
      expect(en.shadowRoot!.textContent, path).to.match(english);
    }
  });

  it('error view is an alert with a working retry button, accessible in RTL', async () => {
    const error = await errorOf('/__test/feed/status/500');
    const el = await render('error', 'ar', error);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('500');
    const button = alert.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('إعادة المحاولة');
    button.click();
    expect(el.retried).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('describes an unexpected kind generically', () => {
    const error = new FeedError('aborted', 'x', '/x');
    expect(describeFeedError(error)).to.contain('unbekannter Fehler');
  });

  it('empty renders the given message', async () => {
    const el = await render('empty');
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('Nichts da.');
    await expect(el).to.be.accessible();
  });
});

describe('design tokens', () => {
  afterEach(async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ colorScheme: 'light' });
  });

  const color = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

  it('defines light defaults, honours page overrides set on an ancestor', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div style="--wir-color-accent: rgb(200, 0, 0)">
      <test-state-probe .mode=${'empty'}></test-state-probe>
    </div>`);
    const el = wrapper.querySelector('test-state-probe')!;
    await (el as StateProbe).updateComplete;
    expect(color(el, '--_wir-color-text')).to.equal('#1b1d21');
    expect(color(el, '--_wir-color-accent')).to.equal('rgb(200, 0, 0)');
    expect(getComputedStyle(el).display).to.equal('block');
    el.setAttribute('hidden', '');
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('inherits the page font unless --wir-font-family is set', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div style="font-family: Georgia, serif">
      <test-state-probe .mode=${'empty'}></test-state-probe>
    </div>`);
    const el = wrapper.querySelector<StateProbe>('test-state-probe')!;
    await el.updateComplete;
    expect(getComputedStyle(el).fontFamily).to.equal('Georgia, serif');
    el.style.setProperty('--wir-font-family', 'Verdana, sans-serif');
    expect(getComputedStyle(el).fontFamily).to.equal('Verdana, sans-serif');
  });

  it('switches to dark by prefers-color-scheme and by the scheme attribute', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await fixture<StateProbe>(html`<test-state-probe .mode=${'empty'}></test-state-probe>`);
    expect(color(el, '--_wir-color-surface')).to.equal('#ffffff');
    el.setAttribute('scheme', 'dark');
    expect(color(el, '--_wir-color-surface')).to.equal('#15181d');
    el.removeAttribute('scheme');
    await emulateMedia({ colorScheme: 'dark' });
    expect(color(el, '--_wir-color-surface')).to.equal('#15181d');
    el.setAttribute('scheme', 'light');
    expect(color(el, '--_wir-color-surface')).to.equal('#ffffff');
  });

  it('has a forced-colors block that maps every colour token to a system colour', () => {
    const sheet = tokens.styleSheet!;
    const forced = [...sheet.cssRules].find(
      (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors'),
    );
    expect(forced, 'forced-colors rule').to.exist;
    const text = forced!.cssText;
    for (const token of ['text', 'surface', 'border', 'accent', 'focus']) {
      expect(text).to.match(new RegExp(`--_wir-color-${token}: (CanvasText|Canvas|LinkText|Highlight)`));
    }
  });
});
