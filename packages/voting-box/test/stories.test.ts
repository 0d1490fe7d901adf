/**
 * Each state story of stories/voting-box.stories.ts shows the state it is named after.
 * (stories/stories.test.ts renders every story and runs axe; this file checks the content.)
 * The stories run against their in-memory vote API, so these tests need no server.
 */
import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../../stories/voting-box.stories.js';
import { showStory } from './support/show-story.js';

interface Ctx {
  timeout(ms: number): void;
}
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: (this: Ctx) => Promise<void> | void) => void;

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Widgets/Voting Box stories show their state', () => {
  it('Open: single choice is a radio group', async () => {
    const { root } = await showStory(stories.OpenSingle);
    expect(root.querySelectorAll('input[type="radio"]')).to.have.length(3);
    expect(text(root.querySelector('legend'))).to.equal('Wie soll das neue Strategiepapier heißen?');
  });

  it('Open: up to 2 answers is a checkbox group that says so', async () => {
    const { root } = await showStory(stories.OpenMultiple);
    expect(root.querySelectorAll('input[type="checkbox"]')).to.have.length(4);
    expect(text(root.querySelector('[part~="hint"]'))).to.equal('Sie können bis zu 2 Antworten wählen.');
  });

  it('Voted: counted, with results marks both choices', async () => {
    const { root } = await showStory(stories.Counted, '[part~="results"]');
    expect(text(root.querySelector('[part~="message"]'))).to.contain('Ihre Stimme wurde gezählt.');
    expect([...root.querySelectorAll('[part~="result"][data-mine]')].map((li) => text(li.querySelector('.result-label')))).to.deep.equal([
      'Fairer Zugang zu Wohnraum (Ihre Wahl)',
      'Anerkennung ausländischer Abschlüsse (Ihre Wahl)',
    ]);
  });

  it('Voted: results hidden until close', async () => {
    const { root } = await showStory(stories.ResultsHidden, '[part~="results-note"]');
    expect(text(root.querySelector('[part~="results-note"]'))).to.contain('nach dem Ende');
    expect(root.querySelector('[part~="results"]')).to.equal(null);
  });

  it('Server unreachable: vote kept, with a send-now button', async () => {
    const { root } = await showStory(stories.KeptOffline);
    const message = root.querySelector('[part~="message"]')!;
    expect(message.getAttribute('data-status')).to.equal('pending');
    expect(text(message)).to.contain('nicht erreichbar');
    expect(root.querySelector('[part~="send-button"]')).to.exist;
  });

  it('Rate limited: vote kept, next try named', async () => {
    const { root } = await showStory(stories.RateLimited);
    expect(text(root.querySelector('[part~="message"]'))).to.contain('sehr viele Stimmen');
  });

  it('Refused: unknown answer brings the form back with the refused choice', async () => {
    const { root } = await showStory(stories.Rejected);
    expect(text(root.querySelector('[part~="message"]'))).to.contain('Ihre Stimme wurde nicht gezählt.');
    expect([...root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value)).to.deep.equal(['jugendbeteiligung']);
  });

  it('Refused: poll closed has no form', async () => {
    const { root } = await showStory(stories.RejectedClosed);
    expect(text(root.querySelector('[part~="message"]'))).to.contain('Die Abstimmung ist bereits beendet.');
    expect(root.querySelector('form')).to.equal(null);
  });

  it('Already voted (another tab)', async () => {
    const { root } = await showStory(stories.AlreadyVoted);
    expect(text(root.querySelector('[part~="message"]'))).to.contain('schon eine Stimme gezählt');
  });

  it('Proof of work: voting shows the progress of the check, then counts', async function () {
    this.timeout(30_000);
    localStorage.removeItem('wir-vote:https://votes.stories.invalid/pow-solving/v1|titel');
    const { box, root } = await showStory(stories.ProofOfWork, '[part~="results"]');
    root.querySelector<HTMLInputElement>('input[value="vielfalt-verbindet"]')!.click();
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => /Sicherheitsprüfung im Browser: \d+/.test(text(root.querySelector('[part~="message"]'))), 'progress', { timeout: 5000 });
    await waitUntil(() => box.shadowRoot!.querySelector('[part~="message"][data-status="sent"]'), 'counted', { timeout: 25_000 });
  });

  it('Closed with results: the final result, no form', async () => {
    const { root } = await showStory(stories.Closed, '[part~="results"]');
    expect(root.querySelector('form')).to.equal(null);
    expect(text(root.querySelector('.results h3'))).to.equal('Ergebnis');
    expect(text(root.querySelector('[part~="result"] .figures'))).to.match(/^Stimmen: 1\.146 \(/);
  });

  it('Not yet open: the answers as a preview', async () => {
    const { root } = await showStory(stories.NotYetOpen);
    expect(root.querySelectorAll('.preview li')).to.have.length(2);
    expect(text(root.querySelector('[part~="times"]'))).to.match(/^Die Abstimmung beginnt am /);
  });

  it('Unknown poll id: the error names it', async () => {
    const { root } = await showStory(stories.UnknownPoll);
    expect(text(root.querySelector('[part~="error"]'))).to.contain('„gibt-es-nicht“');
  });

  it('RTL (Arabic): right-to-left with Arabic strings', async () => {
    const { box, root } = await showStory(stories.RightToLeftArabic, '[part~="results"]');
    expect(box.getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle(root.querySelector('[part~="base"]')!).direction).to.equal('rtl');
    expect(text(root.querySelector('[part~="message"]'))).to.contain('تم احتساب صوتكم');
  });

  it('Narrow (320 px) does not overflow', async () => {
    const { box, root } = await showStory(stories.Narrow, '[part~="results"]');
    const base = root.querySelector<HTMLElement>('[part~="base"]')!;
    expect(box.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('XSS-inert text runs nothing', async () => {
    const { root } = await showStory(stories.XssInert);
    expect((globalThis as { __wirXss?: unknown }).__wirXss).to.equal(undefined);
    expect(root.querySelector('script, img, svg, a, b')).to.equal(null);
    expect(text(root.querySelector('legend'))).to.contain('<img');
  });
});
