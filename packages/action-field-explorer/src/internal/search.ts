/**
 * Word search over the catalogue: a normalized text per measure, built once per reader language,
 * and a matcher that narrows the previous result while the reader keeps typing.
 *
 * Normalization makes the search forgiving in the six languages of the strategy: case, accents
 * and other marks are ignored (ü → u, ğ → g, ё → е, Arabic short vowels), Turkish dotted and
 * dotless i are one letter (İ, I, ı, i), ß is ss, Arabic letter variants are folded (أ إ آ → ا,
 * ى → ي, ة → ه, tatweel dropped), Arabic-Indic digits are ASCII digits, and punctuation counts
 * as a space. The Russian and Ukrainian й keeps its breve: it is a letter of its own, always on
 * the keyboard, and folding it into и would only add false hits.
 */

const ARABIC_FOLDS: Record<string, string> = { 'ى': 'ي', 'ة': 'ه', 'ـ': '' };

function foldDigit(char: string): string {
  const code = char.charCodeAt(0);
  // Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits.
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** The form in which both the catalogue text and the reader's query are compared. */
export function normalizeForSearch(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/([и])\u0306/g, 'й')
      .replace(/\p{M}+/gu, '')
      .replace(/ı/g, 'i')
      .replace(/ß/g, 'ss')
      .replace(/[ىةـ]/g, (c) => ARABIC_FOLDS[c])
      .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, foldDigit)
      .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
      .trim()
  );
}

/** The words of a query, normalized; every one must occur in a measure's text. */
export function searchTerms(query: string): string[] {
  const normalized = normalizeForSearch(query);
  return normalized ? normalized.split(' ') : [];
}

/**
 * One normalized text per catalogue entry, in entry order. `texts(i)` lists the texts of entry i
 * as the reader sees them (already resolved to the reader's language).
 *
 * Building normalizes every text of the catalogue (about 75 ms for 5,000 measures on a laptop),
 * so it can run in slices — `build(more)` stops when `more()` says so, e.g. at the end of an idle
 * period — and a search finishes whatever is left first.
 */
export class SearchIndex {
  /** Every entry index, ascending: the candidates of a fresh search. */
  readonly all: readonly number[];
  readonly #haystacks: string[];
  #built = 0;

  readonly #count: number;
  readonly #texts: (i: number) => Iterable<string | undefined>;

  constructor(count: number, texts: (i: number) => Iterable<string | undefined>) {
    this.#count = count;
    this.#texts = texts;
    this.#haystacks = new Array(count);
    this.all = Array.from({ length: count }, (_, i) => i);
  }

  get complete(): boolean {
    return this.#built >= this.#count;
  }

  /** Normalizes entries until done or until `more()` (asked every 64 entries) returns false. */
  build(more: () => boolean = () => true): boolean {
    while (this.#built < this.#count) {
      const end = Math.min(this.#count, this.#built + 64);
      for (let i = this.#built; i < end; i++) {
        let joined = '';
        for (const text of this.#texts(i)) if (text) joined += ` ${text}`;
        // Spaces around every text keep each term search a plain substring test.
        this.#haystacks[i] = ` ${normalizeForSearch(joined)} `;
      }
      this.#built = end;
      if (!more()) break;
    }
    return this.complete;
  }

  /** The normalized text of entry `i`. */
  text(i: number): string {
    this.build();
    return this.#haystacks[i];
  }

  /** Entries among `candidates` (ascending indices) whose text contains every term. */
  filter(terms: readonly string[], candidates: Iterable<number>): number[] {
    this.build();
    const out: number[] = [];
    const haystacks = this.#haystacks;
    outer: for (const i of candidates) {
      const text = haystacks[i];
      for (const term of terms) if (!text.includes(term)) continue outer;
      out.push(i);
    }
    return out;
  }
}

/**
 * Remembers the last query and its hits, so each keystroke that only adds characters searches
 * the previous hits instead of the whole catalogue: once "sprach" matched 40 of 5,000 measures,
 * "sprache" tests only those 40. Any other change (deleting, another index) starts afresh.
 */
export class IncrementalSearch {
  #index?: SearchIndex;
  #lastKey = '';
  #lastHits: number[] = [];

  /** Entries of `index` (all of them, ascending) that match `query`. */
  run(index: SearchIndex, query: string): number[] | undefined {
    const key = normalizeForSearch(query);
    if (!key) return undefined;
    const terms = key.split(' ');
    const narrowing = index === this.#index && this.#lastKey !== '' && key.startsWith(this.#lastKey);
    const hits = index.filter(terms, narrowing ? this.#lastHits : index.all);
    this.#index = index;
    this.#lastKey = key;
    this.#lastHits = hits;
    return hits;
  }
}
