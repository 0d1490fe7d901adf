/**
 * Story set-ups for what every widget does alike (issue 7): a widget group's selection in the
 * page address, easy German switched on, and the offline copy with its badge. Each returns a
 * `beforeEach` that Storybook (and stories.test.ts) runs before the story and whose cleanup
 * undoes it, so no state leaks into the next story.
 */
import { chooseEasyLanguage } from '@wir/core';

/** The group name the stories use: `group="story"`. */
export const STORY_GROUP = 'story';

/** The page address carries a selection for the story group, as a shared deep link would. */
export function inGroup(selection: `${'field' | 'guideline'}:${string}`): () => () => void {
  return () => {
    const before = location.href;
    history.replaceState(history.state, '', `#wir-group.${STORY_GROUP}=${selection}`);
    return () => history.replaceState(history.state, '', before);
  };
}

/** "Leichte Sprache" switched on for the page (the feed must list `de-x-ls`). */
export function easyGerman(): () => void {
  chooseEasyLanguage(true);
  return () => chooseEasyLanguage(false);
}

const OFFLINE_PATH = '/__wir-stories__/offline/';
const offlineFeeds = new Map<string, object>();
let fetchWrapped = false;

/**
 * A feed URL whose requests fail as with no network, and a `beforeEach` that leaves a saved copy
 * of `feed` from an earlier visit where @wir/feed keeps it. The widget makes its ordinary request,
 * fails, and shows the saved copy with the offline badge; nothing inside it is faked.
 */
export function offlineCopy(name: string, feed: object): { src: string; beforeEach: () => () => void } {
  const src = `${OFFLINE_PATH}${name}.json`;
  offlineFeeds.set(src, feed);
  return {
    src,
    beforeEach: () => {
      if (!fetchWrapped) {
        fetchWrapped = true;
        const realFetch = globalThis.fetch.bind(globalThis);
        globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          const url = new URL(input instanceof Request ? input.url : String(input), location.href);
          return url.pathname.startsWith(OFFLINE_PATH)
            ? Promise.reject(new TypeError('Failed to fetch'))
            : realFetch(input, init);
        };
      }
      const key = `wir-feed:last-good:${new URL(src, document.baseURI).href}`;
      localStorage.setItem(key, JSON.stringify({ loadedAt: '2026-11-20T08:15:00Z', feed: offlineFeeds.get(src) }));
      return () => localStorage.removeItem(key);
    },
  };
}
