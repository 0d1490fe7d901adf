// The editors' configurator (demo/configurator) in Chromium: the form comes from the built
// custom-elements manifest, the preview is the real widget from the built bundle, and the
// snippets it writes are pasted into blank pages and must render the widget there.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { validateFeed } from '@wir/feed';
import { widgetTags } from '../../../packages/embed/src/registry.js';
import { parseFrameQuery } from '../../../packages/embed/src/frame/frame-query.js';
import { startConfigurator } from '../src/configurator.js';
import type { Configurator, ConfiguratorOptions } from '../src/configurator.js';
import { dedicatedAttributes } from '../src/manifest.js';

const base = '/dist/embed/';
const sampleFeed = '/demo/feeds/hannover.json';
const absolute = (path: string) => new URL(path, location.href).href;

let root: HTMLElement | undefined;
const frames: HTMLIFrameElement[] = [];

async function loadOnce(element: HTMLScriptElement | HTMLLinkElement): Promise<void> {
  const loaded = new Promise((resolve, reject) => {
    element.addEventListener('load', resolve, { once: true });
    element.addEventListener('error', () => reject(new Error(`${element.outerHTML} did not load: run npm run build first`)), { once: true });
  });
  document.head.append(element);
  await loaded;
}

before(async () => {
  // The page the configurator normally runs in brings its stylesheet and the loader.
  await loadOnce(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/configurator/configurator.css' }));
  await loadOnce(Object.assign(document.createElement('script'), { src: `${base}wir-widgets.js` }));
  const manifest = await fetch(`${base}custom-elements.json`, { method: 'HEAD', cache: 'no-store' });
  if (!manifest.ok) throw new Error('dist/embed/custom-elements.json is missing: run npm run build first');
});

afterEach(() => {
  root?.remove();
  root = undefined;
  for (const frame of frames.splice(0)) frame.remove();
});

async function mountConfigurator(options: Partial<ConfiguratorOptions> = {}): Promise<Configurator> {
  root = document.createElement('main');
  document.body.append(root);
  const configurator = await startConfigurator(root, { base, feed: sampleFeed, language: 'de', ...options });
  await configurator.whenIdle();
  return configurator;
}

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = root!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the configurator`);
  return found;
};
const choose = (selector: string, value: string) => {
  const select = $<HTMLSelectElement>(selector);
  select.value = value;
  expect(select.value, `${selector} offers ${value}`).to.equal(value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
};
const tick = (selector: string, checked = true) => {
  const input = $<HTMLInputElement>(selector);
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};
const type = (selector: string, value: string, event = 'input') => {
  const input = $<HTMLInputElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
};
const scriptSnippet = () => $<HTMLTextAreaElement>('#wc-snippet-script').value;
const frameSnippet = () => $<HTMLTextAreaElement>('#wc-snippet-frame').value;
const contrastWarnings = () => [...root!.querySelectorAll('#wc-warnings li[data-kind="contrast"]')].map((li) => li.textContent!);

/** Parses a snippet the way a browser parses what an editor pastes. */
const parse = (snippet: string) => new DOMParser().parseFromString(`<!doctype html><body>${snippet}`, 'text/html');

/** A blank page holding `snippet`, in an iframe of this page (same origin, so the test can look in). */
async function pasteIntoBlankPage(snippet: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>blank</title></head><body>${snippet}</body></html>`;
  document.body.prepend(frame);
  frames.push(frame);
  await loaded;
  return frame.contentDocument!;
}

/** Waits until `element` rendered its content (part="base"), as the widget suites do. */
async function rendered(element: Element | null | undefined, what: string): Promise<void> {
  try {
    await waitUntil(() => element?.shadowRoot?.querySelector('[part~="base"]'), `${what} did not render`, { timeout: 8000 });
  } catch (error) {
    const shown = element?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new Error(`${(error as Error).message}; it shows: ${shown ?? '(no shadow root)'}`);
  }
}

interface ManifestAttribute {
  name: string;
  description?: string;
  type?: { text?: string };
}
async function documentedAttributes(tag: string): Promise<ManifestAttribute[]> {
  const manifest = await (await fetch(`${base}custom-elements.json`)).json();
  const declaration = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === tag);
  return (declaration?.attributes ?? []).filter((a: ManifestAttribute) => a.description && !dedicatedAttributes.has(a.name));
}

describe('configurator', () => {
  it('offers every widget of the registry', async () => {
    await mountConfigurator();
    const options = [...$<HTMLSelectElement>('#wc-widget').options].map((option) => option.value);
    expect(options).to.deep.equal(widgetTags);
  });

  it('builds the options of each widget from the manifest, with a control by type', async () => {
    await mountConfigurator();
    for (const tag of widgetTags) {
      choose('#wc-widget', tag);
      const documented = await documentedAttributes(tag);
      const offered = [...root!.querySelectorAll<HTMLElement>('.wc-attribute')];
      expect(offered.map((el) => el.dataset.attribute), tag).to.deep.equal(documented.map((a) => a.name));
      for (const attribute of documented) {
        const control = $(`#wc-attr-${attribute.name}`);
        const typeText = attribute.type?.text ?? '';
        if (typeText === 'boolean') expect((control as HTMLInputElement).type, attribute.name).to.equal('checkbox');
        else if (/^number/.test(typeText)) expect((control as HTMLInputElement).type, attribute.name).to.equal('number');
        else if (/^'/.test(typeText)) expect(control.localName, attribute.name).to.equal('select');
        // Its description is its hint, so an editor reads what the widget's docs say.
        expect(root!.querySelector(`#${control.getAttribute('aria-describedby')}`)?.textContent).to.equal(
          attribute.description!.replace(/`/g, ''),
        );
      }
    }
  });

  it('offers the ids of the feed for attributes the manifest describes as ids', async () => {
    await mountConfigurator();
    const feed = await (await fetch(sampleFeed)).json();
    const ids = (list: Array<{ id: string }>) => ['', ...list.map((item) => item.id)];
    const offered = (selector: string) => [...$<HTMLSelectElement>(selector).options].map((option) => option.value);
    choose('#wc-widget', 'wir-action-field-explorer');
    expect(offered('#wc-attr-field')).to.deep.equal(ids(feed.actionFields));
    expect(offered('#wc-attr-theme')).to.deep.equal(ids(feed.crossCuttingThemes));
    choose('#wc-widget', 'wir-voting-box');
    expect(offered('#wc-attr-poll')).to.deep.equal(ids(feed.polls));
    choose('#wc-widget', 'wir-guideline-carousel');
    expect(offered('#wc-attr-start')).to.deep.equal(ids(feed.guidelines));
    choose('#wc-widget', 'wir-timeline');
    expect(offered('#wc-attr-entry')).to.deep.equal(ids(feed.timeline));
    // Free text stays free text.
    expect($('#wc-attr-today').localName).to.equal('input');
  });

  it('gives a newly registered widget its controls from its manifest entry alone', async () => {
    const manifest = {
      modules: [
        {
          declarations: [
            {
              tagName: 'wir-test-widget',
              summary: 'A widget only this test knows.',
              cssProperties: [{ name: '--wir-test-min-height', description: 'Reserved height (default 40rem).' }],
              attributes: [
                { name: 'src', description: 'Feed URL.', type: { text: 'string | undefined' } },
                { name: 'dir' },
                { name: 'compact', description: 'Denser.', type: { text: 'boolean' } },
                { name: 'mode', description: 'How.', type: { text: "'one' | 'two' | undefined" } },
                { name: 'count', description: 'How many.', type: { text: 'number' }, default: '7' },
                { name: 'caption', description: 'Free text.', type: { text: 'string | undefined' } },
                { name: 'guideline', description: 'Id of a guideline to show.', type: { text: 'string | undefined' } },
              ],
            },
          ],
        },
      ],
    };
    await mountConfigurator({ manifest, widgets: ['wir-test-widget'] });
    const kinds = [...root!.querySelectorAll<HTMLElement>('.wc-attribute')].map((el) => [el.dataset.attribute, el.dataset.control]);
    expect(kinds).to.deep.equal([
      ['compact', 'boolean'],
      ['mode', 'choice'],
      ['count', 'number'],
      ['caption', 'text'],
      ['guideline', 'text'],
    ]);
    expect([...$<HTMLSelectElement>('#wc-attr-mode').options].map((o) => o.value)).to.deep.equal(['', 'one', 'two']);
    expect($<HTMLInputElement>('#wc-attr-count').placeholder).to.equal('7');
    // Named after a collection of the feed and described as an id: the feed's ids are offered.
    expect($('#wc-attr-guideline').dataset.collection).to.equal('guidelines');
    expect($('#wc-widget-summary').textContent).to.equal('A widget only this test knows.');
    // The iframe's fixed height comes from the reserved height (40rem = 640 px).
    expect(parse(frameSnippet()).querySelector('iframe')!.getAttribute('height')).to.equal('640');
  });

  it('updates both snippets with every choice', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-timeline');
    choose('#wc-lang', 'tr');
    tick('#wc-attr-upcoming');
    type('#wc-attr-limit', '3');
    tick('#wc-scheme-dark');
    tick('#wc-accent-on');
    type('#wc-accent-hex', '#8c2155');

    const feedUrl = absolute(sampleFeed);
    expect(scriptSnippet()).to.equal(
      `<script src="${absolute(`${base}wir-widgets.js`)}"\n        data-feed="${feedUrl}" async></script>\n\n` +
        '<wir-timeline lang="tr" upcoming limit="3" scheme="dark" style="--wir-color-accent: #8c2155"></wir-timeline>\n',
    );

    const page = parse(frameSnippet());
    const iframe = page.querySelector('iframe')!;
    const src = new URL(iframe.getAttribute('src')!);
    expect(src.origin + src.pathname).to.equal(absolute(`${base}frame.html`));
    expect([...src.searchParams]).to.deep.equal([
      ['widget', 'wir-timeline'],
      ['feed', feedUrl],
      ['id', 'timeline'],
      ['lang', 'tr'],
      ['upcoming', ''],
      ['limit', '3'],
      ['scheme', 'dark'],
      ['accent', '#8c2155'],
    ]);
    expect(iframe.getAttribute('data-wir-frame')).to.equal('timeline');
    expect(iframe.getAttribute('width')).to.equal('100%');
    expect(Number(iframe.getAttribute('height'))).to.be.at.least(300);
    expect(iframe.getAttribute('title')).to.be.a('string').and.not.equal('');
    expect(iframe.getAttribute('loading')).to.equal('lazy');
    expect(iframe.hasAttribute('style')).to.equal(false);
    expect(page.querySelector('script')!.getAttribute('src')).to.equal(absolute(`${base}wir-frame-resize.js`));

    // Unticking and clearing take the attributes out again.
    tick('#wc-attr-upcoming', false);
    type('#wc-attr-limit', '');
    tick('#wc-scheme-auto');
    tick('#wc-accent-on', false);
    expect(scriptSnippet()).to.contain('<wir-timeline lang="tr"></wir-timeline>');
    const params = new URL(parse(frameSnippet()).querySelector('iframe')!.src).searchParams;
    expect([...params.keys()]).to.deep.equal(['widget', 'feed', 'id', 'lang']);

    // The frame's own fields change only the iframe snippet.
    type('#wc-frame-id', 'termine');
    type('#wc-frame-height', '700');
    type('#wc-frame-title', 'Termine der Strategie');
    const framed = parse(frameSnippet()).querySelector('iframe')!;
    expect(framed.getAttribute('data-wir-frame')).to.equal('termine');
    expect(new URL(framed.getAttribute('src')!).searchParams.get('id')).to.equal('termine');
    expect(framed.getAttribute('height')).to.equal('700');
    expect(framed.getAttribute('title')).to.equal('Termine der Strategie');
  });

  it('makes a frame id that frame.html accepts from any name an editor types', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-timeline');
    type('#wc-frame-id', 'Zeitleiste der Strategie WIR sind Hannover auf der Seite des Internationalen Beirats');
    const framed = parse(frameSnippet()).querySelector('iframe')!;
    const id = framed.getAttribute('data-wir-frame')!;
    expect(id).to.match(/^[A-Za-z0-9_-]{1,64}$/);
    expect(id).to.not.match(/-$/);
    expect(id.startsWith('Zeitleiste-der-Strategie-WIR-sind-Hannover')).to.equal(true);
    // The frame's own check of its address agrees.
    const checked = parseFrameQuery(new URL(framed.getAttribute('src')!).search, widgetTags);
    expect(checked.ok, checked.ok ? '' : checked.problems.join('\n')).to.equal(true);
  });

  it('escapes attribute values in both snippets', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-guideline-carousel');
    const hostile = `"Wir" & <Hannover> 'x'`;
    type('#wc-attr-heading', hostile);
    type('#wc-frame-title', hostile);
    expect(scriptSnippet()).to.contain(`heading="&quot;Wir&quot; &amp; &lt;Hannover&gt; 'x'"`);
    const scriptPage = parse(scriptSnippet());
    expect(scriptPage.querySelector('wir-guideline-carousel')!.getAttribute('heading')).to.equal(hostile);
    expect(scriptPage.body.querySelectorAll('*').length).to.equal(2);
    const framePage = parse(frameSnippet());
    const iframe = framePage.querySelector('iframe')!;
    expect(new URL(iframe.src).searchParams.get('heading')).to.equal(hostile);
    expect(iframe.getAttribute('title')).to.equal(hostile);
    expect(frameSnippet()).to.contain('&amp;feed=');
  });

  it('shows the real widget in the preview, updated on every change', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-guideline-carousel');
    choose('#wc-lang', 'en');
    type('#wc-attr-heading', 'Our guidelines');
    const preview = $('#wc-preview').firstElementChild!;
    expect(preview.localName).to.equal('wir-guideline-carousel');
    expect(preview.getAttribute('src')).to.equal(absolute(sampleFeed));
    expect(preview.getAttribute('lang')).to.equal('en');
    await rendered(preview, 'the preview carousel');
    expect(preview.shadowRoot!.textContent).to.contain('Our guidelines');

    tick('#wc-scheme-dark');
    tick('#wc-accent-on');
    type('#wc-accent-hex', '#ffc857');
    const updated = $('#wc-preview').firstElementChild as HTMLElement;
    expect(updated.getAttribute('scheme')).to.equal('dark');
    expect(updated.style.getPropertyValue('--wir-color-accent')).to.equal('#ffc857');
  });

  it('warns when the accent colour fails WCAG AA contrast, and not when it passes', async () => {
    const configurator = await mountConfigurator();
    choose('#wc-widget', 'wir-guideline-carousel');
    tick('#wc-scheme-light');
    await configurator.whenIdle();
    expect(contrastWarnings(), 'the default accent').to.deep.equal([]);

    tick('#wc-accent-on');
    type('#wc-accent-hex', '#0a58b4');
    await configurator.whenIdle();
    expect(contrastWarnings(), 'a dark blue on the light scheme').to.deep.equal([]);
    expect($('#wc-warnings').textContent).to.contain('Keine Hinweise');

    type('#wc-accent-hex', '#ffd700');
    await configurator.whenIdle();
    const warnings = contrastWarnings();
    expect(warnings.length, warnings.join('\n')).to.be.at.least(2);
    expect(warnings[0]).to.contain('#ffd700').and.contain('#ffffff').and.contain('3:1');

    // 4.0:1 against white: enough for borders and controls, not for link text.
    type('#wc-accent-hex', '#7a7a7a');
    await configurator.whenIdle();
    expect(contrastWarnings().some((w) => w.includes('4,5:1') && !w.includes('3:1'))).to.equal(true);

    // The same dark blue fails on the dark scheme's background; "automatic" checks both schemes.
    type('#wc-accent-hex', '#0a58b4');
    tick('#wc-scheme-dark');
    await configurator.whenIdle();
    expect(contrastWarnings().length).to.be.greaterThan(0);
    tick('#wc-scheme-auto');
    await configurator.whenIdle();
    expect(contrastWarnings().every((w) => w.includes('dunkles Schema'))).to.equal(true);
    expect(contrastWarnings().length).to.be.greaterThan(0);
    // The check switches the scheme only for its reading and restores it.
    expect($('#wc-preview').firstElementChild!.hasAttribute('scheme')).to.equal(false);
  });

  it('lists the problems of an invalid feed with their paths', async () => {
    const configurator = await mountConfigurator();
    const invalid = '/__test/feed/invalid.json';
    type('#wc-feed', invalid, 'change');
    await configurator.whenIdle();
    const expected = validateFeed(await (await fetch(invalid)).json());
    expect(expected.ok).to.equal(false);
    const problems = expected.ok ? [] : expected.problems;
    const items = [...root!.querySelectorAll<HTMLElement>('.wc-problem-list li')];
    expect(items.map((li) => li.dataset.path)).to.deep.equal(problems.map((p) => p.path));
    items.forEach((li, i) => {
      expect(li.querySelector('code')!.textContent).to.equal(problems[i].path);
      expect(li.textContent).to.contain(problems[i].message);
    });
    expect(root!.querySelector('#wc-warnings li[data-kind="feed"]')!.textContent).to.contain(`${problems.length} Probleme`);
    // The snippets name the feed the editor chose.
    expect(scriptSnippet()).to.contain(`data-feed="${absolute(invalid)}"`);

    type('#wc-feed', '/__test/feed/status/404', 'change');
    await configurator.whenIdle();
    expect(root!.querySelectorAll('.wc-problem-list li').length).to.equal(0);
    expect($('#wc-warnings').textContent).to.contain('HTTP 404');

    type('#wc-feed', sampleFeed, 'change');
    await configurator.whenIdle();
    expect($('#wc-warnings').querySelectorAll('li[data-kind="feed"]').length).to.equal(0);
    expect(root!.textContent).to.contain('Feed gültig');
  });

  it('offers the feed’s languages and the widgets’ UI languages', async () => {
    await mountConfigurator();
    const feed = await (await fetch(sampleFeed)).json();
    const offered = [...$<HTMLSelectElement>('#wc-lang').options].map((option) => option.value);
    expect(offered[0]).to.equal('');
    for (const tag of [...feed.strategy.languages, 'de', 'en', 'tr', 'ar', 'ru', 'uk']) expect(offered).to.include(tag);
  });

  it('the script snippet, pasted into a blank page, renders the widget', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-guideline-carousel');
    choose('#wc-lang', 'en');
    type('#wc-attr-heading', 'Guidelines "for" all');
    tick('#wc-accent-on');
    type('#wc-accent-hex', '#8c2155');
    const page = await pasteIntoBlankPage(scriptSnippet());
    const carousel = page.querySelector('wir-guideline-carousel');
    await rendered(carousel, 'the pasted carousel');
    expect(carousel!.shadowRoot!.textContent).to.contain('Guidelines "for" all');
    expect(carousel!.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(carousel!).getPropertyValue('--wir-color-accent').trim()).to.equal('#8c2155');

    choose('#wc-widget', 'wir-timeline');
    tick('#wc-attr-upcoming');
    const timelinePage = await pasteIntoBlankPage(scriptSnippet());
    await rendered(timelinePage.querySelector('wir-timeline'), 'the pasted timeline');
  });

  it('the iframe snippet, pasted into a blank page, renders the widget', async () => {
    await mountConfigurator();
    const frameHtml = await fetch(`${base}frame.html`, { method: 'HEAD', cache: 'no-store' });
    if (!frameHtml.ok) throw new Error('dist/embed/frame.html is missing (the iframe embed is built by npm run build)');
    choose('#wc-widget', 'wir-guideline-carousel');
    choose('#wc-lang', 'en');
    type('#wc-attr-heading', 'Guidelines & more');
    tick('#wc-accent-on');
    type('#wc-accent-hex', '#8c2155');
    const page = await pasteIntoBlankPage(frameSnippet());
    const iframe = page.querySelector<HTMLIFrameElement>('iframe[data-wir-frame]')!;
    const framedCarousel = () => iframe.contentDocument?.querySelector('wir-guideline-carousel');
    await waitUntil(framedCarousel, 'the frame page did not create the carousel', { timeout: 8000 });
    const carousel = framedCarousel()!;
    await rendered(carousel, 'the framed carousel');
    expect(carousel.shadowRoot!.textContent).to.contain('Guidelines & more');
    expect(carousel.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(carousel).getPropertyValue('--wir-color-accent').trim()).to.equal('#8c2155');
    // The resize script of the snippet fits the frame to its content: no inner scrollbar.
    const fits = () => iframe.contentDocument!.documentElement.scrollHeight <= iframe.clientHeight;
    try {
      await waitUntil(() => iframe.style.height && fits(), '', { timeout: 5000 });
    } catch {
      const inner = iframe.contentDocument!.documentElement;
      throw new Error(`the frame was not sized to its content: frame ${iframe.clientHeight} px (style "${iframe.style.height}"), content ${inner.scrollHeight} px`);
    }
  });

  it('keeps the keyboard in the form while the preview re-renders', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-timeline');
    const entry = $<HTMLSelectElement>('#wc-attr-entry');
    entry.focus();
    // The timeline focuses the entry it deep-links to; the editor is still choosing.
    await sendKeys({ press: 'ArrowDown' });
    expect(entry.value).not.to.equal('');
    await rendered($('#wc-preview').firstElementChild, 'the preview timeline');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.activeElement).to.equal(entry);
  });

  it('is operable with the keyboard alone', async () => {
    await mountConfigurator();
    const select = $<HTMLSelectElement>('#wc-widget');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal(widgetTags[1]);
    expect(scriptSnippet()).to.contain(`<${widgetTags[1]}`);
    await sendKeys({ press: 'ArrowUp' });
    expect(select.value).to.equal(widgetTags[0]);

    const tabTo = async (target: Element) => {
      for (let i = 0; i < 60 && document.activeElement !== target; i++) await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `Tab reaches #${target.id}`).to.equal(target);
      // Focus is visible: the configurator's outline, not the browser's absent one.
      expect(getComputedStyle(target).outlineStyle).not.to.equal('none');
    };
    choose('#wc-widget', 'wir-guideline-carousel');
    select.focus();
    await tabTo($('#wc-attr-autoplay'));
    await sendKeys({ press: 'Space' });
    expect(scriptSnippet()).to.contain('<wir-guideline-carousel autoplay>');

    await tabTo($('#wc-snippet-script-copy'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $('#wc-snippet-script-copy').nextElementSibling!.textContent, 'the copy button reported nothing');
  });

  it('switches its own language to English and keeps the choices', async () => {
    await mountConfigurator();
    choose('#wc-widget', 'wir-voting-box');
    choose('#wc-lang', 'ar');
    $<HTMLButtonElement>('.wc-switch').click();
    expect($('h1').textContent).to.equal('Widget configurator');
    expect(root!.lang).to.equal('en');
    expect($<HTMLSelectElement>('#wc-widget').value).to.equal('wir-voting-box');
    expect($<HTMLSelectElement>('#wc-lang').value).to.equal('ar');
    expect(document.activeElement).to.equal($('.wc-switch'));
    expect(scriptSnippet()).to.contain('<wir-voting-box lang="ar"></wir-voting-box>');
  });

  it('passes axe, with warnings and feed problems shown too', async () => {
    const configurator = await mountConfigurator();
    choose('#wc-widget', 'wir-guideline-carousel');
    await rendered($('#wc-preview').firstElementChild, 'the preview carousel');
    await expect(root).to.be.accessible();

    tick('#wc-accent-on');
    type('#wc-accent-hex', '#ffd700');
    type('#wc-feed', '/__test/feed/invalid.json', 'change');
    await configurator.whenIdle();
    expect(root!.querySelectorAll('.wc-problem-list li').length).to.be.greaterThan(0);
    expect(contrastWarnings().length).to.be.greaterThan(0);
    // The preview now shows, on purpose, the low-contrast accent the warning is about.
    $('#wc-preview').hidden = true;
    await expect(root).to.be.accessible();
  });

  it('runs from its build under the demo’s strict CSP with Trusted Types', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/demo/configurator/test/fixtures/strict-csp.html';
    document.body.prepend(frame);
    frames.push(frame);
    await loaded;
    const win = frame.contentWindow as Window & { cspViolations: string[] };
    const doc = frame.contentDocument!;
    await waitUntil(() => doc.querySelector('#wc-preview > *'), 'no preview', { timeout: 8000 });
    await rendered(doc.querySelector('#wc-preview > wir-guideline-carousel'), 'the preview under CSP');
    await waitUntil(() => doc.querySelector<HTMLTextAreaElement>('#wc-snippet-script')?.value.includes('wir-widgets.js'), 'no snippet');
    await waitUntil(() => doc.body.textContent!.includes('Feed gültig'), 'the feed check did not finish');
    expect(win.cspViolations, win.cspViolations.join('\n')).to.deep.equal([]);
  });
});
