import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUERY_LENGTH, decodeState, encodeState, readState, sameState, segmentName, writeState } from '../src/internal/url-state.js';

describe('URL state', () => {
  it('names a segment per explorer', () => {
    assert.equal(segmentName(), 'wir-explorer');
    assert.equal(segmentName('jugend'), 'wir-explorer.jugend');
    assert.equal(segmentName('has space'), 'wir-explorer');
    assert.equal(segmentName('a&b=c'), 'wir-explorer');
  });

  it('writes the state in a fixed order with percent-encoded values', () => {
    const value = encodeState({ q: 'Sprache & Kultur: 100%; #1', status: 'done', field: 'bildung', theme: 'gleichbehandlung' });
    assert.equal(value, 'field:bildung;theme:gleichbehandlung;status:done;q:Sprache%20%26%20Kultur%3A%20100%25%3B%20%231');
    assert.deepEqual(decodeState(value), { field: 'bildung', theme: 'gleichbehandlung', status: 'done', q: 'Sprache & Kultur: 100%; #1' });
    assert.equal(encodeState({}), '');
  });

  it('round-trips every field, in any language', () => {
    const state = { field: 'bildung', guideline: 'leitlinie-3', goal: 'bildung-z1', measure: 'bildung-m3', theme: 'diversitaet', status: 'in-progress' as const, group: 'ag-jugend', q: 'İstanbul مدرسة ёлка' };
    const hash = writeState('', 'wir-explorer', state);
    assert.deepEqual(readState(hash, 'wir-explorer'), state);
  });

  it('reads the guideline filter that the carousel links to, and writes it after the field', () => {
    assert.deepEqual(readState('#wir-explorer=guideline:leitlinie-3', 'wir-explorer'), { guideline: 'leitlinie-3' });
    assert.equal(encodeState({ q: 'x', guideline: 'leitlinie-3', field: 'bildung' }), 'field:bildung;guideline:leitlinie-3;q:x');
    assert.deepEqual(readState('#wir-explorer=guideline:Leitlinie%203', 'wir-explorer'), {});
  });

  it("keeps the host page's fragment and other explorers in place", () => {
    let hash = '#section-3';
    hash = writeState(hash, 'wir-explorer', { field: 'bildung' });
    assert.equal(hash, '#section-3&wir-explorer=field:bildung');
    hash = writeState(hash, 'wir-explorer.b', { status: 'done' });
    assert.equal(hash, '#section-3&wir-explorer=field:bildung&wir-explorer.b=status:done');
    hash = writeState(hash, 'wir-explorer', { field: 'soziales', q: 'x' });
    assert.equal(hash, '#section-3&wir-explorer=field:soziales;q:x&wir-explorer.b=status:done');
    assert.deepEqual(readState(hash, 'wir-explorer.b'), { status: 'done' });
    hash = writeState(hash, 'wir-explorer', {});
    assert.equal(hash, '#section-3&wir-explorer.b=status:done');
    assert.equal(writeState('#wir-explorer=field:x', 'wir-explorer', {}), '');
    assert.equal(writeState('#/router/path?x=1', 'wir-explorer', { field: 'a' }), '#/router/path?x=1&wir-explorer=field:a');
    assert.equal(readState('#/router/path?x=1', 'wir-explorer'), undefined);
  });

  it('does not mistake a longer name for its own', () => {
    assert.equal(readState('#wir-explorer.b=field:x', 'wir-explorer'), undefined);
    assert.equal(readState('#wir-explorerx=field:x', 'wir-explorer'), undefined);
    assert.deepEqual(readState('#wir-explorer.b=field:x&wir-explorer=field:y', 'wir-explorer'), { field: 'y' });
  });

  it('drops duplicate segments when writing, keeping the first position', () => {
    assert.equal(writeState('#a&wir-explorer=field:x&b&wir-explorer=field:y', 'wir-explorer', { field: 'z' }), '#a&wir-explorer=field:z&b');
    assert.equal(writeState('#a&&b', 'wir-explorer', {}), '#a&b');
  });

  it('ignores malformed and hostile values one by one, never throwing', () => {
    const cases: Array<[string, object]> = [
      ['#wir-explorer=field:%E0%A4%A', {}],
      ['#wir-explorer=field:<script>;status:done', { status: 'done' }],
      ['#wir-explorer=field:__proto__;status:nope;theme:Gleich;group:ag_jugend', {}],
      ['#wir-explorer=constructor:x;__proto__:y;prototype:z;field:ok', { field: 'ok' }],
      ['#wir-explorer=field:a;field:b', { field: 'a' }],
      ['#wir-explorer=:x;field;=;;;field:', {}],
      ['#wir-explorer=q:%00%1B%5B31m%0Arot%7F', { q: '[31m rot' }],
      ['#wir-explorer=q:%20%20', {}],
      ['#wir-explorer', {}],
      ['#wir-explorer=', {}],
      ['#wir-explorer=field:' + 'a'.repeat(200), {}],
      ['#wir-explorer=q:' + 'x'.repeat(5000), {}],
      ['#wir-explorer=q:javascript%3Aalert(1)', { q: 'javascript:alert(1)' }],
      ['#wir-explorer=q:%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', { q: '<img src=x onerror=alert(1)>' }],
    ];
    for (const [hash, expected] of cases) {
      const state = readState(hash, 'wir-explorer');
      assert.deepEqual(state, expected, hash);
      assert.equal(Object.getPrototypeOf(state), Object.prototype, hash);
    }
    assert.equal(readState('#wir-explorer=q:' + 'y'.repeat(300), 'wir-explorer')?.q?.length, MAX_QUERY_LENGTH);
  });

  it('compares states by what would be written', () => {
    assert.ok(sameState({ field: 'a', q: '' }, { field: 'a' }));
    assert.ok(sameState(undefined, {}));
    assert.ok(!sameState({ field: 'a' }, { field: 'b' }));
  });
});
