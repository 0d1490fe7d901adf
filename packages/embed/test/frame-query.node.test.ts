// The address check of frame.html (src/frame/frame-query.ts) on its own: everything a partner's
// editor (or anyone else) can put into a frame's src, before a single element exists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrameQuery, type FrameConfig } from '../src/frame/frame-query.js';
import { widgetTags } from '../src/registry.js';

const feed = 'https://static.example.org/wir/hannover.json';

function ok(search: string): FrameConfig {
  const result = parseFrameQuery(search, widgetTags);
  assert.ok(result.ok, `expected ${search} to pass, got: ${result.ok ? '' : result.problems.join(' | ')}`);
  return result.config;
}

function problems(search: string): string[] {
  const result = parseFrameQuery(search, widgetTags);
  assert.ok(!result.ok, `expected ${search} to be refused`);
  return result.problems;
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('frame address: what passes', () => {
  it('takes the widget, feed and id, and every other parameter as an attribute in the given order', () => {
    const config = ok(q({ widget: 'wir-timeline', feed, id: 'wir-frame-1', lang: 'tr', upcoming: '', limit: '3', 'heading-level': '3' }));
    assert.equal(config.tag, 'wir-timeline');
    assert.equal(config.feed, feed);
    assert.equal(config.id, 'wir-frame-1');
    assert.equal(config.lang, 'tr');
    assert.deepEqual(config.attributes, [['lang', 'tr'], ['upcoming', ''], ['limit', '3'], ['heading-level', '3']]);
  });

  it('accepts every registered widget', () => {
    for (const tag of widgetTags) assert.equal(ok(q({ widget: tag, feed })).tag, tag);
  });

  it('keeps attribute values verbatim, markup included (they are only ever set with setAttribute)', () => {
    const value = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    assert.deepEqual(ok(q({ widget: 'wir-guideline-carousel', feed, heading: value })).attributes, [['heading', value]]);
  });

  it('normalises the accent colour, also when the "#" was left unencoded out of the value', () => {
    assert.equal(ok(q({ widget: 'wir-timeline', feed, accent: '#8C2155' })).accent, '#8c2155');
    assert.equal(ok(q({ widget: 'wir-timeline', feed, accent: '8c2155' })).accent, '#8c2155');
  });

  it('makes id optional (then no height messages are sent)', () => {
    assert.equal(ok(q({ widget: 'wir-timeline', feed })).id, undefined);
  });

  it('returns the feed URL as the URL parser writes it', () => {
    assert.equal(ok(q({ widget: 'wir-timeline', feed: 'HTTP://Example.org/a b.json' })).feed, 'http://example.org/a%20b.json');
  });
});

describe('frame address: what is refused, all problems at once', () => {
  it('names a missing or unknown widget and lists the known ones', () => {
    assert.match(problems(q({ feed })).join('\n'), /widget= is missing; expected one of wir-guideline-carousel, /);
    const [problem] = problems(q({ widget: 'wir-nope', feed }));
    assert.match(problem, /widget=wir-nope is not a known widget/);
    for (const tag of widgetTags) assert.ok(problem.includes(tag), tag);
  });

  it('refuses a missing, relative or non-http(s) feed', () => {
    assert.match(problems(q({ widget: 'wir-timeline' })).join(), /feed= is missing/);
    for (const bad of ['/feeds/hannover.json', 'feeds/hannover.json', 'javascript:alert(1)', 'data:application/json,{}', 'ftp://example.org/f.json', 'file:///etc/passwd', '']) {
      assert.match(problems(q({ widget: 'wir-timeline', feed: bad })).join(), /feed= must be an absolute http: or https: URL|feed= is missing/, bad);
    }
  });

  it('refuses attribute names that are not plain lower-case attribute names', () => {
    for (const name of ['Lang', 'a b', '1st', '-x', 'x_y', 'data:x', 'x"y', 'ä']) {
      const found = problems(`?widget=wir-timeline&feed=${encodeURIComponent(feed)}&${encodeURIComponent(name)}=1`);
      assert.deepEqual(found, [`"${name}" is not an attribute name (lower-case letters, digits and hyphens, starting with a letter).`]);
    }
  });

  it('refuses event handlers, style and src (feed= and accent= exist for those)', () => {
    for (const [name, hint] of [['onclick', ''], ['onerror', ''], ['style', '; use accent='], ['src', '; use feed=']]) {
      assert.deepEqual(problems(q({ widget: 'wir-timeline', feed, [name]: 'x' })), [`"${name}" cannot be set through the frame address${hint}.`]);
    }
  });

  it('refuses a parameter given twice rather than guessing which one counts', () => {
    assert.deepEqual(problems(`?widget=wir-timeline&feed=${encodeURIComponent(feed)}&lang=de&lang=ar`), ['"lang" is given more than once.']);
    assert.match(problems(`?widget=wir-timeline&widget=wir-voting-box&feed=${encodeURIComponent(feed)}`).join(), /"widget" is given more than once/);
  });

  it('refuses a bad accent, lang or id', () => {
    assert.match(problems(q({ widget: 'wir-timeline', feed, accent: 'red' })).join(), /accent= must be a colour/);
    assert.match(problems(q({ widget: 'wir-timeline', feed, accent: '#abc' })).join(), /accent= must be a colour/);
    assert.match(problems(q({ widget: 'wir-timeline', feed, lang: 'not a tag' })).join(), /lang=not a tag is not a language tag/);
    assert.match(problems(q({ widget: 'wir-timeline', feed, id: '<x>' })).join(), /id= may hold only/);
    assert.match(problems(q({ widget: 'wir-timeline', feed, id: 'x'.repeat(65) })).join(), /id= may hold only/);
  });

  it('still gives the id of a refused address, when the id itself is valid, so its message can be sized', () => {
    const refused = parseFrameQuery('?widget=x&feed=x&id=f1', widgetTags);
    assert.ok(!refused.ok);
    assert.equal(refused.id, 'f1');
    const badId = parseFrameQuery('?widget=x&feed=x&id=%3Cx%3E', widgetTags);
    assert.ok(!badId.ok);
    assert.equal(badId.id, undefined);
  });

  it('reports every problem of one address together', () => {
    assert.equal(problems('?widget=x&feed=javascript:1&onclick=1&accent=no').length, 4);
  });
});
