/**
 * Renders a story of stories/voting-box.stories.ts as Storybook does (meta args, story args,
 * toolbar globals) and waits until its voting box shows `ready`. The stories answer from their
 * in-memory vote API, so tests that use this need no server.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../../../stories/voting-box.stories.js';
import { defaultLocaleGlobals, withLocaleArgs } from '../../../../stories/support/locale.js';
import type { LocaleGlobals } from '../../../../stories/support/locale.js';
import type { WirVotingBox } from '../../src/index.js';

type Args = Record<string, unknown>;
export interface StoryLike {
  args?: Args;
  globals?: LocaleGlobals;
  render?: unknown;
}

export async function showStory(story: StoryLike, ready = '[part~="base"], [part~="error"]'): Promise<{ box: WirVotingBox; root: ShadowRoot }> {
  const meta = stories.default as unknown as StoryLike;
  const render = (story.render ?? meta.render) as (args: Args) => TemplateResult;
  const args = withLocaleArgs({ ...meta.args, ...story.args }, { ...defaultLocaleGlobals, ...story.globals });
  const el = await fixture<HTMLElement>(render(args));
  const box = (el.localName === 'wir-voting-box' ? el : el.querySelector('wir-voting-box')) as WirVotingBox;
  await waitUntil(() => box.shadowRoot?.querySelector(ready), `story did not reach ${ready}`, { timeout: 8000 });
  await box.updateComplete;
  return { box, root: box.shadowRoot! };
}
