import { readFile } from 'node:fs/promises';
import { validateFeed } from '@wir/feed';
import type { FeedProblem, LocalizedText, Poll } from '@wir/feed';
import { canonicalOrigin } from './internal/origins.js';

export type PollState = 'not-open' | 'open' | 'closed';
export type ResultsRule = Poll['results'];

/** A poll as the server uses it: parsed times, option lookup, minimum and maximum choices. */
export interface PollDefinition {
  id: string;
  question: LocalizedText;
  description?: LocalizedText;
  choice: 'single' | 'multiple';
  minChoices: number;
  maxChoices: number;
  options: { id: string; label: LocalizedText }[];
  optionIds: ReadonlySet<string>;
  opens: string;
  closes: string;
  opensAt: number;
  closesAt: number;
  results: ResultsRule;
  /** From the optional feed field "allowedOrigins" (unknown fields are allowed in the feed). */
  allowedOrigins: readonly string[];
}

/** Closing time is exclusive: a vote counts if it arrived before `closes`. */
export function pollState(poll: PollDefinition, now: number): PollState {
  if (now < poll.opensAt) return 'not-open';
  if (now < poll.closesAt) return 'open';
  return 'closed';
}

export class FeedSourceError extends Error {
  readonly problems: FeedProblem[];
  constructor(message: string, problems: FeedProblem[] = []) {
    super(message);
    this.name = 'FeedSourceError';
    this.problems = problems;
  }
}

const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** Reads the feed from a file path or an http(s) URL, with a size limit and a timeout. */
export async function readFeedSource(source: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<unknown> {
  try {
    return await readFeedText(source, options);
  } catch (error) {
    if (error instanceof FeedSourceError) throw error;
    throw new FeedSourceError(`The feed ${source} cannot be read: ${(error as Error).message}`);
  }
}

async function readFeedText(source: string, options: { timeoutMs?: number; fetch?: typeof fetch }): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const response = await (options.fetch ?? fetch)(source, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: { accept: 'application/json' },
      redirect: 'follow',
    });
    if (!response.ok) throw new FeedSourceError(`The feed at ${source} answered HTTP ${response.status}.`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_FEED_BYTES) throw new FeedSourceError(`The feed at ${source} is larger than ${MAX_FEED_BYTES} bytes.`);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > MAX_FEED_BYTES) throw new FeedSourceError(`The feed at ${source} is larger than ${MAX_FEED_BYTES} bytes.`);
    text = body.toString('utf8');
  } else {
    const body = await readFile(source.startsWith('file:') ? new URL(source) : source);
    if (body.length > MAX_FEED_BYTES) throw new FeedSourceError(`The feed ${source} is larger than ${MAX_FEED_BYTES} bytes.`);
    text = body.toString('utf8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FeedSourceError(`The feed ${source} is not JSON: ${(error as Error).message}`);
  }
}

/** Validates a feed with @wir/feed (the one schema) and returns its polls. */
export function pollsFromFeed(data: unknown): { polls: PollDefinition[]; warnings: string[] } {
  const result = validateFeed(data);
  if (!result.ok) {
    const first = result.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('\n  ');
    throw new FeedSourceError(`The feed is invalid (${result.problems.length} problem(s)):\n  ${first}`, result.problems);
  }
  const warnings: string[] = [];
  const polls = result.feed.polls.map((poll, index) => {
    // Extra fields survive validation untouched; read the optional origin list from the raw poll.
    const raw = poll as Poll & { allowedOrigins?: unknown };
    const allowedOrigins: string[] = [];
    if (raw.allowedOrigins !== undefined) {
      if (!Array.isArray(raw.allowedOrigins)) {
        warnings.push(`$.polls[${index}].allowedOrigins is not a list and is ignored.`);
      } else {
        for (const entry of raw.allowedOrigins) {
          const origin = typeof entry === 'string' ? canonicalOrigin(entry) : undefined;
          if (origin) allowedOrigins.push(origin);
          else warnings.push(`$.polls[${index}].allowedOrigins contains ${JSON.stringify(entry)}, which is not an http(s) origin; ignored.`);
        }
      }
    }
    const definition: PollDefinition = {
      id: poll.id,
      question: poll.question,
      choice: poll.choice,
      minChoices: 1,
      maxChoices: poll.choice === 'single' ? 1 : (poll.maxChoices ?? poll.options.length),
      options: poll.options.map((o) => ({ id: o.id, label: o.label })),
      optionIds: new Set(poll.options.map((o) => o.id)),
      opens: poll.opens,
      closes: poll.closes,
      opensAt: Date.parse(poll.opens),
      closesAt: Date.parse(poll.closes),
      results: poll.results,
      allowedOrigins,
    };
    if (poll.description !== undefined) definition.description = poll.description;
    return definition;
  });
  return { polls, warnings };
}

/**
 * The polls currently in force. Reloads keep the last good feed when the new one cannot be
 * read or is invalid: a typo in the city's feed must not take running votes offline.
 */
export class PollCatalog {
  #polls = new Map<string, PollDefinition>();
  #loadedAt = 0;
  readonly source: string;
  readonly #onWarning: (message: string) => void;

  constructor(source: string, onWarning: (message: string) => void = () => {}) {
    this.source = source;
    this.#onWarning = onWarning;
  }

  /** A catalog from polls in memory (tests). */
  static fromPolls(polls: PollDefinition[]): PollCatalog {
    const catalog = new PollCatalog('memory');
    catalog.replace(polls);
    return catalog;
  }

  get loadedAt(): number {
    return this.#loadedAt;
  }

  get(id: string): PollDefinition | undefined {
    return this.#polls.get(id);
  }

  list(): PollDefinition[] {
    return [...this.#polls.values()];
  }

  replace(polls: PollDefinition[]): void {
    this.#polls = new Map(polls.map((p) => [p.id, p]));
    this.#loadedAt = Date.now();
  }

  /** Loads the feed; throws on the first load, keeps the old polls on later failures. */
  async load(): Promise<void> {
    const { polls, warnings } = pollsFromFeed(await readFeedSource(this.source));
    for (const warning of warnings) this.#onWarning(warning);
    this.replace(polls);
  }
}
