import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalSearch, SearchIndex, normalizeForSearch, searchTerms } from '../src/internal/search.js';

describe('normalizeForSearch', () => {
  it('ignores case and accents', () => {
    assert.equal(normalizeForSearch('Förderung'), 'forderung');
    assert.equal(normalizeForSearch('FÖRDERUNG'), 'forderung');
    assert.equal(normalizeForSearch('Café Élysée'), 'cafe elysee');
  });

  it('treats the four Turkish i as one letter, whatever the casing', () => {
    for (const word of ['İstanbul', 'ISTANBUL', 'istanbul', 'ıstanbul', 'İSTANBUL']) {
      assert.equal(normalizeForSearch(word), 'istanbul', word);
    }
    assert.equal(normalizeForSearch('Çok dilli veli rehberleri'), 'cok dilli veli rehberleri');
    assert.equal(normalizeForSearch('IŞIK'), 'isik');
  });

  it('folds ß, compatibility forms and punctuation', () => {
    assert.equal(normalizeForSearch('Straße'), 'strasse');
    assert.equal(normalizeForSearch('ﬁnanz'), 'finanz');
    assert.equal(normalizeForSearch('„Vielfalt im Klassenzimmer“'), 'vielfalt im klassenzimmer');
    assert.equal(normalizeForSearch('Erzieher*innen — Kita/Schule'), 'erzieher innen kita schule');
    assert.equal(normalizeForSearch('  a \t\n b  '), 'a b');
  });

  it('folds Cyrillic ё but keeps й', () => {
    assert.equal(normalizeForSearch('Ёлка'), 'елка');
    assert.equal(normalizeForSearch('Мой'), 'мой');
    assert.equal(normalizeForSearch('Україна'), 'украіна');
  });

  it('folds Arabic vowel marks, hamza forms, letter variants, tatweel and digits', () => {
    assert.equal(normalizeForSearch('أحمد'), 'احمد');
    assert.equal(normalizeForSearch('إسطنبول'), 'اسطنبول');
    assert.equal(normalizeForSearch('مُدَرِّسَة'), 'مدرسه');
    assert.equal(normalizeForSearch('مستشفى'), 'مستشفي');
    assert.equal(normalizeForSearch('جـــميل'), 'جميل');
    assert.equal(normalizeForSearch('سن ١٤ و ۱۵'), 'سن 14 و 15');
  });

  it('splits a query into words', () => {
    assert.deepEqual(searchTerms('  Sprach-Café  für JUGEND '), ['sprach', 'cafe', 'fur', 'jugend']);
    assert.deepEqual(searchTerms(' ;; '), []);
  });
});

describe('SearchIndex and IncrementalSearch', () => {
  const texts = [
    ['Sprachcafés für Jugendliche', 'Förderung der Mehrsprachigkeit'],
    ['Beratung für Familien aus İstanbul'],
    ['Kürzere Wartezeiten', undefined, 'Sozialamt'],
    ['مجلس شبابي', 'التعليم'],
  ];
  const index = new SearchIndex(texts.length, (i) => texts[i]);

  it('requires every word, in any field of the entry, in any order', () => {
    assert.deepEqual(index.filter(['sprach'], index.all), [0]);
    assert.deepEqual(index.filter(['mehrsprach', 'jugend'], index.all), [0]);
    assert.deepEqual(index.filter(['jugend', 'wartezeit'], index.all), []);
    assert.deepEqual(index.filter(['sozialamt', 'wartezeiten'], index.all), [2]);
    assert.deepEqual(index.filter(['fur'], index.all), [0, 1]);
  });

  it('does not match across the boundary of two texts', () => {
    // "jugendliche förderung" would only exist as a run across the two texts of entry 0.
    assert.deepEqual(index.filter(['jugendlicheforderung'], index.all), []);
  });

  it('narrows while typing and gives the same hits as a fresh search', () => {
    const search = new IncrementalSearch();
    assert.equal(search.run(index, '   '), undefined);
    for (const query of ['f', 'fü', 'für', 'für J', 'für Ju', 'für', 'İst', 'ist', 'ISTANBUL', 'التع']) {
      const fresh = new IncrementalSearch().run(index, query);
      assert.deepEqual(search.run(index, query), fresh, query);
    }
    assert.deepEqual(search.run(index, 'ISTANBUL'), [1]);
    assert.deepEqual(search.run(index, 'التعليم'), [3]);
  });
});
