import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveText, textDirection } from '../src/index.js';

const text = { de: 'Bildung', en: 'Education', tr: 'Eğitim', ar: 'التعليم', 'de-x-ls': 'Lernen', 'pt-BR': 'Educação' };

describe('resolveText', () => {
  test('exact tag, case-insensitively, keeping the tag as written in the feed', () => {
    assert.deepEqual(resolveText(text, 'en', 'de'), { text: 'Education', lang: 'en', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText(text, 'PT-br', 'de'), { text: 'Educação', lang: 'pt-BR', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText(text, 'de-x-ls', 'de'), { text: 'Lernen', lang: 'de-x-ls', dir: 'ltr', fallback: false });
  });

  test('same primary language: tr-TR → tr, pt → pt-BR; the plain tag beats Leichte Sprache', () => {
    assert.deepEqual(resolveText(text, 'tr-TR', 'de'), { text: 'Eğitim', lang: 'tr', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText(text, 'pt', 'de'), { text: 'Educação', lang: 'pt-BR', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText(text, 'de-AT', 'de').lang, 'de');
    assert.deepEqual(resolveText({ 'de-x-ls': 'Leicht', 'de-DE': 'Normal' }, 'de', 'en').lang, 'de-DE');
    assert.deepEqual(resolveText({ 'de-x-ls': 'Leicht', en: 'x' }, 'de', 'en').lang, 'de-x-ls');
  });

  test('then the feed default language, marked as a fallback', () => {
    assert.deepEqual(resolveText(text, 'uk', 'de'), { text: 'Bildung', lang: 'de', dir: 'ltr', fallback: true });
    assert.deepEqual(resolveText(text, 'fa', 'ar'), { text: 'التعليم', lang: 'ar', dir: 'rtl', fallback: true });
  });

  test('then the first text available', () => {
    assert.deepEqual(resolveText({ en: 'Only English', tr: 'x' }, 'uk', 'de'), {
      text: 'Only English',
      lang: 'en',
      dir: 'ltr',
      fallback: true,
    });
  });

  test('a list of wanted languages is tried in order, each with its primary-language match', () => {
    assert.equal(resolveText(text, ['uk', 'tr-CY', 'en'], 'de').lang, 'tr');
    assert.equal(resolveText(text, ['uk', 'ru', 'en'], 'de').lang, 'en');
    // The fallback flag compares with the first wanted language.
    assert.equal(resolveText(text, ['uk', 'en'], 'de').fallback, true);
    assert.equal(resolveText(text, [], 'de').lang, 'de');
    assert.equal(resolveText(text, [], 'de').fallback, false);
  });

  test('a plain string is in the feed default language', () => {
    assert.deepEqual(resolveText('Bildung', 'de-DE', 'de'), { text: 'Bildung', lang: 'de', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText('Bildung', 'ar', 'de'), { text: 'Bildung', lang: 'de', dir: 'ltr', fallback: true });
  });

  test('dir follows the returned language, not the wanted one', () => {
    assert.deepEqual(resolveText(text, 'ar-EG', 'de'), { text: 'التعليم', lang: 'ar', dir: 'rtl', fallback: false });
    assert.equal(resolveText({ de: 'x' }, 'ar', 'de').dir, 'ltr');
  });

  test('tolerates invalid input instead of throwing', () => {
    assert.deepEqual(resolveText(undefined as never, 'de', 'de'), { text: '', lang: 'de', dir: 'ltr', fallback: false });
    assert.deepEqual(resolveText({ de: '', en: 'x' } as never, 'de', 'de').lang, 'en');
    assert.deepEqual(resolveText({} as never, 'ar', 'de'), { text: '', lang: 'de', dir: 'ltr', fallback: true });
  });
});

describe('textDirection', () => {
  test('right-to-left languages', () => {
    for (const tag of ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ar-EG', 'fa-IR', 'AR', 'he_IL', 'ckb-IQ']) {
      assert.equal(textDirection(tag), 'rtl', tag);
    }
  });

  test('right-to-left scripts in the tag win over the language', () => {
    for (const tag of ['az-Arab', 'pa-Arab-PK', 'ku-Arab', 'jrb-Hebr', 'en-Thaa', 'aii-Syrc', 'ms-arab']) {
      assert.equal(textDirection(tag), 'rtl', tag);
    }
    for (const tag of ['sd-Deva', 'ug-Cyrl', 'ckb-Latn', 'ur-Latn']) assert.equal(textDirection(tag), 'ltr', tag);
  });

  test('languages whose likely script is right-to-left (CLDR likely subtags), not only a fixed list', () => {
    // Dari, Kashmiri, Southern Kurdish, and languages written in Arabic script in one country.
    for (const tag of ['prs', 'prs-AF', 'ks', 'sdh', 'az-IR', 'pa-PK', 'uz-AF', 'ku-IQ', 'mzn', 'lrc', 'bal', 'syr', 'nqo', 'rhg', 'iw', 'ji', 'ar-x-ls']) {
      assert.equal(textDirection(tag), 'rtl', tag);
    }
    for (const tag of ['az', 'pa', 'uz', 'ku', 'ar-Latn', 'zh-min-nan', 'en-GB-oed', 'x-ls', 'i-klingon', 'zz']) {
      assert.equal(textDirection(tag), 'ltr', tag);
    }
  });

  test('left-to-right languages, private use is ignored', () => {
    for (const tag of ['de', 'en-GB', 'tr', 'ru', 'uk', 'de-x-ls', 'en-x-arab', 'de-1996', '']) {
      assert.equal(textDirection(tag), 'ltr', tag);
    }
  });
});
