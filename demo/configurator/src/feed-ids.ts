/**
 * Offers the feed's ids for attributes that take one (`field`, `poll`, `start`, `entry`, …).
 * Which collection an attribute refers to is read from its manifest description, not from a
 * list of attribute names, so a new widget's id attribute gets its choices without a change here.
 */
import { resolveText } from '@wir/feed';
import type { LocalizedText } from '@wir/feed';
import type { AttributeDoc } from './manifest.js';

export interface FeedChoice {
  id: string;
  /** The item's title (or label, question, text) in the wanted language; empty when it has none. */
  label: string;
}

/** Collections of the feed by property name (`guidelines`, `actionFields`, `goals`, `polls`, …). */
export type FeedCollections = Map<string, FeedChoice[]>;

const labelKeys = ['title', 'label', 'question', 'text'] as const;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Every array of objects with a string `id` anywhere in `data`, keyed by the property that
 * holds it; nested ones (goals of every action field) are merged. Works on invalid feeds too,
 * as far as their shape allows, so an editor still gets choices while fixing a problem.
 */
export function feedCollections(data: unknown, lang: string): FeedCollections {
  const collections: FeedCollections = new Map();
  const strategy = isObject(data) && isObject(data.strategy) ? data.strategy : {};
  const defaultLanguage = typeof strategy.defaultLanguage === 'string' ? strategy.defaultLanguage : 'de';
  const label = (item: Record<string, unknown>): string => {
    for (const key of labelKeys) {
      if (item[key] === undefined) continue;
      try {
        return resolveText(item[key] as LocalizedText, lang, defaultLanguage).text;
      } catch {
        return '';
      }
    }
    return '';
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (Array.isArray(child)) {
        const items = child.filter((item): item is Record<string, unknown> => isObject(item) && typeof item.id === 'string');
        if (items.length > 0) {
          const list = collections.get(key) ?? [];
          list.push(...items.map((item) => ({ id: item.id as string, label: label(item) })));
          collections.set(key, list);
        }
      }
      visit(child);
    }
  };
  visit(data);
  return collections;
}

/**
 * The collection whose ids `attribute` takes, or undefined. Only attributes whose description
 * speaks of an id qualify; then, in order: the description names the collection (`polls`),
 * gives an example id from it (`bildung`), the attribute is named after it (poll → polls), or
 * the widget is (wir-timeline → timeline).
 */
export function collectionFor(attribute: AttributeDoc, tag: string, collections: FeedCollections): string | undefined {
  if (attribute.control.kind !== 'text' || !/\bids?\b/i.test(attribute.description)) return undefined;
  const quoted = new Set([...attribute.description.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  const keys = [...collections.keys()];
  const tagWords = tag.replace(/^wir-/, '').split('-');
  return (
    keys.find((key) => quoted.has(key)) ??
    keys.find((key) => collections.get(key)!.some((item) => quoted.has(item.id))) ??
    keys.find((key) => [attribute.name, `${attribute.name}s`].includes(key.toLowerCase())) ??
    keys.find((key) => tagWords.includes(key.toLowerCase()))
  );
}
