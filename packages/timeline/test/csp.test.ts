import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/wir-timeline.js';
import type { WirTimeline } from '../src/index.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;

// Partner pages may run a strict CSP with Trusted Types. This file installs one for its whole
// page (its own test page, so other files are unaffected) and records every violation.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));

describe('<wir-timeline> under a strict CSP with Trusted Types', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html";
    document.head.append(meta);
  });

  it('renders, opens an entry and builds its calendar file with no violation', async () => {
    const el = await fixture<WirTimeline>(html`<wir-timeline entry="konferenz" today="2026-03-10" src="/packages/timeline/test/fixtures/timeline.json"></wir-timeline>`);
    const link = () => el.shadowRoot!.querySelector<HTMLAnchorElement>('#entry-konferenz [part~="calendar-link"]');
    await waitUntil(link, 'calendar link built', { timeout: 5000 });
    expect(link()!.href).to.match(/^blob:/);
    expect(await (await fetch(link()!.href)).text()).to.contain('BEGIN:VEVENT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations).to.deep.equal([]);
    // A probe that the policy is really active: an inline style attribute is refused.
    document.createElement('div').setAttribute('style', 'color: red');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations.some((v) => v.startsWith('style-src-attr'))).to.equal(true);
  });
});
