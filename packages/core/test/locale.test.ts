import { feedSchema } from '@wir/feed';
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { WirElement, allLocales, resolveLocale, sourceLocale, targetLocales } from '@wir/core';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

// A tiny element that renders one UI string of core, to see which language it speaks.
class LocaleProbe extends WirElement {
  static override feedPart = feedSchema;
  override render() {
    return html`<p>${msg('Erneut versuchen', { id: 'error.retry' })}</p>`;
  }
}
customElements.define('test-locale-probe', LocaleProbe);

const text = (el: LocaleProbe) => el.shadowRoot!.querySelector('p')!.textContent;
// Never waits for an animation frame: a test page may run in a background tab, which gets none.
const settle = async (el: LocaleProbe) => {
  // A language change may first load a locale module, then render.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
  await el.updateComplete;
};

const RETRY: Record<string, string> = {
  de: 'Erneut versuchen',
  en: 'Try again',
  tr: 'Yeniden dene',
  ar: 'إعادة المحاولة',
  ru: 'Повторить попытку',
  uk: 'Спробувати ще раз',
};

describe('locales', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = htmlLang;
  });

  it('has German as the source and five target languages', () => {
    expect(sourceLocale).to.equal('de');
    expect([...targetLocales].sort()).to.deep.equal(['ar', 'en', 'ru', 'tr', 'uk']);
    expect(allLocales).to.include('de');
  });

  it('resolves tags to a UI locale with fallback', () => {
    expect(resolveLocale('tr')).to.equal('tr');
    expect(resolveLocale('tr-TR')).to.equal('tr');
    expect(resolveLocale('AR-eg')).to.equal('ar');
    expect(resolveLocale('uk_UA')).to.equal('uk');
    expect(resolveLocale('de-x-ls')).to.equal('de');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('fr')).to.equal('de');
    expect(resolveLocale('')).to.equal('de');
    expect(resolveLocale(undefined)).to.equal('de');
  });

  it('uses the element’s own lang', async () => {
    const el = await fixture<LocaleProbe>(html`<test-locale-probe lang="tr"></test-locale-probe>`);
    await settle(el);
    expect(el.locale).to.equal('tr');
    expect(el.uiLocale).to.equal('tr');
    expect(text(el)).to.equal(RETRY.tr);
  });

  it('inherits the closest ancestor’s lang, also across a shadow root', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div lang="ru"><section><test-locale-probe></test-locale-probe></section></div>`);
    const el = wrapper.querySelector<LocaleProbe>('test-locale-probe')!;
    await settle(el);
    expect(el.locale).to.equal('ru');
    expect(text(el)).to.equal(RETRY.ru);

    const host = fixtureSync<HTMLElement>(html`<div lang="uk"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('test-locale-probe') as LocaleProbe;
    root.append(inner);
    await settle(inner);
    expect(inner.locale).to.equal('uk');
    expect(text(inner)).to.equal(RETRY.uk);
  });

  it('falls back to <html lang>, then to German', async () => {
    document.documentElement.lang = 'en-GB';
    const el = await fixture<LocaleProbe>(html`<test-locale-probe></test-locale-probe>`);
    await settle(el);
    expect(el.locale).to.equal('en-GB');
    expect(text(el)).to.equal(RETRY.en);

    document.documentElement.removeAttribute('lang');
    await settle(el);
    expect(el.locale).to.equal('de');
    expect(text(el)).to.equal(RETRY.de);
  });

  it('shows German UI for an unsupported language but keeps the reader’s tag for feed text', async () => {
    const el = await fixture<LocaleProbe>(html`<test-locale-probe lang="fr-CA"></test-locale-probe>`);
    await settle(el);
    expect(el.locale).to.equal('fr-CA');
    expect(el.uiLocale).to.equal('de');
    expect(text(el)).to.equal(RETRY.de);
  });

  it('ignores an empty or malformed lang and looks further up', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div lang="tr"><test-locale-probe lang="not a tag!"></test-locale-probe></div>`);
    const el = wrapper.querySelector<LocaleProbe>('test-locale-probe')!;
    await settle(el);
    expect(el.locale).to.equal('tr');
  });

  it('renders two elements in two languages at the same time', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div>
      <test-locale-probe id="a" lang="tr"></test-locale-probe>
      <test-locale-probe id="b" lang="ar"></test-locale-probe>
      <test-locale-probe id="c"></test-locale-probe>
    </div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => wrapper.querySelector<LocaleProbe>(`#${id}`)!);
    await Promise.all([settle(a), settle(b), settle(c)]);
    expect(text(a)).to.equal(RETRY.tr);
    expect(text(b)).to.equal(RETRY.ar);
    expect(text(c)).to.equal(RETRY.de);
    expect(b.dir).to.equal('rtl');
    expect(a.dir).to.equal('ltr');

    // Re-rendering one must not change the other.
    a.requestUpdate();
    await a.updateComplete;
    expect(text(b)).to.equal(RETRY.ar);
  });

  it('re-renders when its own lang or an ancestor’s lang changes', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div lang="de"><test-locale-probe></test-locale-probe></div>`);
    const el = wrapper.querySelector<LocaleProbe>('test-locale-probe')!;
    await settle(el);
    expect(text(el)).to.equal(RETRY.de);

    wrapper.setAttribute('lang', 'uk');
    await settle(el);
    expect(text(el)).to.equal(RETRY.uk);

    el.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el)).to.equal(RETRY.en);

    el.removeAttribute('lang');
    await settle(el);
    expect(text(el)).to.equal(RETRY.uk);
  });

  it('honours an explicit dir over the locale’s direction', async () => {
    const el = await fixture<LocaleProbe>(html`<test-locale-probe lang="ar" dir="ltr"></test-locale-probe>`);
    expect(el.dir).to.equal('ltr');
    el.dir = 'auto';
    expect(el.getAttribute('dir')).to.equal('auto');
    expect(el.dir).to.equal('rtl');
  });

  it('has a real translation for every message in every target locale', async () => {
    for (const locale of targetLocales) {
      const xml = await (await fetch(`/xliff/${locale}.xlf`)).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const units = [...doc.querySelectorAll('trans-unit')];
      expect(units.length, locale).to.be.greaterThan(10);
      for (const unit of units) {
        const target = unit.querySelector('target');
        expect(target?.textContent?.trim() || target?.children.length, `${locale} ${unit.id}`).to.be.ok;
      }
    }
  });
});
