/**
 * <wir-voting-box> in print, rendered from its stories (their in-memory vote API needs no server).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import * as stories from '../../../stories/voting-box.stories.js';
import { showStory } from './support/show-story.js';
import { BLACK, clipped, shown } from '../../core/test/support/print.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<wir-voting-box> in print', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('prints an open poll as question and answers in text, without radio buttons or the vote button', async () => {
    const { root } = await showStory(stories.OpenSingle, '[part~="form"]');
    await emulateMedia({ media: 'print' });
    const question = root.querySelector('#question')!;
    expect(shown(question)).to.be.true;
    expect(getComputedStyle(question).color).to.equal(BLACK);
    const options = [...root.querySelectorAll('[part~="option"]')];
    expect(options).to.have.length(3);
    for (const option of options) {
      expect(shown(option)).to.be.true;
      expect(text(option)).to.not.equal('');
      expect(shown(option.querySelector('input')!)).to.be.false;
    }
    for (const button of root.querySelectorAll('button')) expect(shown(button), button.getAttribute('part') ?? '').to.be.false;
    expect(getComputedStyle(root.querySelector('[part~="base"]')!).breakInside).to.equal('avoid');
    expect(clipped(root)).to.deep.equal([]);
  });

  it('prints the results as figures in black on white, without bars or buttons, also in the dark scheme', async () => {
    const { root } = await showStory(stories.DarkScheme, '[part~="results"]');
    await emulateMedia({ media: 'print' });
    const base = root.querySelector('[part~="base"]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
    const results = [...root.querySelectorAll('[part~="result"]')];
    expect(results.length).to.be.greaterThan(1);
    for (const result of results) {
      const figures = result.querySelector('.figures')!;
      expect(shown(figures)).to.be.true;
      expect(text(figures)).to.match(/\d/);
      expect(getComputedStyle(figures).color).to.equal(BLACK);
      expect(shown(result.querySelector('[part~="bar"]')!)).to.be.false;
    }
    expect(shown(root.querySelector('[part~="total"]')!)).to.be.true;
    expect(getComputedStyle(root.querySelector('[part~="total"]')!).color).to.equal(BLACK);
    for (const button of root.querySelectorAll('button')) expect(shown(button), button.getAttribute('part') ?? '').to.be.false;
    expect(clipped(root)).to.deep.equal([]);
  });
});
