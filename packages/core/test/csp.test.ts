import { expect, fixture, html } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { WirElement, renderError, renderLoading } from '@wir/core';
import { FeedError, feedSchema } from '@wir/feed';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;

// Partner pages may run a strict CSP with Trusted Types. This file installs one for its whole
// page (its own test page, so other files are unaffected) and records every violation.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));

class CspProbe extends WirElement {
  static override feedPart = feedSchema;
  mode: 'loading' | 'error' = 'loading';
  override render() {
    return this.mode === 'loading'
      ? renderLoading('21rem')
      : html`${renderError(new FeedError('http', 'x', '/x', { status: 500 }), () => {})}
          <p class="probe">${msg('Erneut versuchen', { id: 'error.retry' })}</p>`;
  }
}
customElements.define('test-csp-probe', CspProbe);

describe('under a strict CSP with Trusted Types', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'; require-trusted-types-for 'script'; trusted-types lit-html";
    document.head.append(meta);
  });

  it('renders the loading state with its reserved height and no violation', async () => {
    const el = await fixture<CspProbe>(html`<test-csp-probe></test-csp-probe>`);
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!;
    expect(box.getBoundingClientRect().height).to.be.closeTo(21 * 16, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations).to.deep.equal([]);
    // A probe that the policy is really active: an inline style attribute is refused.
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations.some((v) => v.startsWith('style-src-attr'))).to.equal(true);
    violations.length = 0;
  });

  it('renders the error state in another language with no violation', async () => {
    const el = await fixture<CspProbe>(html`<test-csp-probe lang="uk" .mode=${'error'}></test-csp-probe>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.probe')!.textContent).to.equal('Спробувати ще раз');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations).to.deep.equal([]);
  });
});
