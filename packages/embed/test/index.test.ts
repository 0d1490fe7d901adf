// The npm route: importing @wir/embed registers every widget of the registry.
import { expect } from '@open-wc/testing';
import { WirGuidelineCarousel, widgetModules, widgetTags } from '../src/index.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha, so this module types
// the few it uses (module-scoped, so a later global declaration cannot clash with these).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

describe('@wir/embed (ES-module entry)', () => {
  it('registers every widget in the registry', () => {
    expect(widgetTags).to.deep.equal(Object.keys(widgetModules));
    for (const tag of widgetTags) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('re-exports the classes it registers', () => {
    expect(customElements.get('wir-guideline-carousel')).to.equal(WirGuidelineCarousel);
  });

  it('names only wir- tags whose module is the package registration module', () => {
    for (const [tag, module] of Object.entries(widgetModules)) {
      expect(tag).to.match(/^wir-[a-z]+(-[a-z]+)*$/);
      expect(module).to.equal(`@wir/${tag.slice(4)}/${tag}.js`);
    }
  });
});
