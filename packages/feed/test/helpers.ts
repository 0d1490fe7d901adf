import { readFileSync } from 'node:fs';
import type { FeedProblem } from '../src/index.js';

export const fixturePath = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

export const fixture = (name: string): any => JSON.parse(readFileSync(fixturePath(name), 'utf8'));

/** The complete fixture feed with one change applied. */
export const broken = (change: (feed: any) => void): any => {
  const feed = fixture('complete.json');
  change(feed);
  return feed;
};

export const problem = (path: string, code: string, message: string): FeedProblem => ({ path, message, code });
