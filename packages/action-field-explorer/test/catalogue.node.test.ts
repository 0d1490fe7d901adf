import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateFeed } from '@wir/feed';
import type { Feed } from '@wir/feed';
import { buildCatalogue, summarize } from '../src/internal/catalogue.js';
import { applyFilters } from '../src/internal/filter.js';
import { formatNumber, formatPartialDate, formatPercent, indicatorProgress } from '../src/internal/format.js';
import { generateFeed } from './fixtures/generate-feed.js';

const feed = JSON.parse(readFileSync(new URL('./fixtures/explorer.json', import.meta.url), 'utf8')) as Feed;
const catalogue = buildCatalogue(feed);
const ids = (hits: number[]) => hits.map((i) => catalogue.entries[i].measure.id);

describe('catalogue', () => {
  it('flattens measures in feed order with their current status', () => {
    assert.deepEqual(ids(catalogue.entries.map((_, i) => i)), ['bildung-m1', 'bildung-m2', 'bildung-m3', 'soziales-m1', 'soziales-m2', 'demokratie-m1', 'demokratie-m2']);
    assert.equal(catalogue.entries[0].status, 'in-progress');
    assert.equal(catalogue.entries[4].status, 'deferred');
    assert.deepEqual(catalogue.fields.map((f) => [f.field.id, f.start, f.end]), [
      ['bildung', 0, 3],
      ['soziales', 3, 5],
      ['demokratie', 5, 7],
      ['kultur', 7, 7],
    ]);
    assert.equal(catalogue.goalById.get('bildung-z2')?.field.field.id, 'bildung');
    assert.equal(catalogue.measureIndex.get('demokratie-m1'), 5);
  });

  it('summarizes measures, goals, fields and statuses', () => {
    const summary = summarize(catalogue, [0, 1, 2]);
    assert.equal(summary.measures, 3);
    assert.equal(summary.goals, 2);
    assert.equal(summary.fields, 1);
    assert.deepEqual(summary.status, { done: 1, 'in-progress': 2, accepted: 0, recommendation: 0, deferred: 0, proposed: 0 });
  });
});

describe('applyFilters', () => {
  it('passes everything without filters, counting per field', () => {
    const outcome = applyFilters(catalogue, {}, undefined);
    assert.equal(outcome.hits.length, 7);
    assert.deepEqual([...outcome.fieldHits], [3, 2, 2, 0]);
  });

  it('combines theme, status, group and search hits', () => {
    assert.deepEqual(ids(applyFilters(catalogue, { theme: 'gleichbehandlung' }, undefined).hits), ['bildung-m1', 'soziales-m1', 'soziales-m2']);
    assert.deepEqual(ids(applyFilters(catalogue, { theme: 'gleichbehandlung', status: 'proposed' }, undefined).hits), ['soziales-m1']);
    assert.deepEqual(ids(applyFilters(catalogue, { group: 'ag-jugend' }, undefined).hits), ['bildung-m3', 'demokratie-m1']);
    assert.deepEqual(ids(applyFilters(catalogue, { group: 'ag-jugend', theme: 'kommunikation' }, undefined).hits), ['bildung-m3']);
    assert.deepEqual(ids(applyFilters(catalogue, { status: 'done' }, [1, 2, 6]).hits), ['bildung-m2', 'demokratie-m2']);
  });

  it('limits hits and facets to a scope but counts every field', () => {
    const scope = catalogue.fieldById.get('bildung')!;
    const outcome = applyFilters(catalogue, { theme: 'kommunikation' }, undefined, scope);
    assert.deepEqual(ids(outcome.hits), ['bildung-m2', 'bildung-m3']);
    assert.deepEqual([...outcome.fieldHits], [2, 0, 1, 0]);
    // Facets: each option as if chosen, the other filters unchanged.
    assert.equal(outcome.statusFacet.done, 1);
    assert.equal(outcome.statusFacet['in-progress'], 1);
    assert.equal(outcome.themeFacet.get('diversitaet'), 1);
    assert.equal(outcome.themeFacet.get('kommunikation'), 2);
    assert.equal(outcome.groupFacet.get('ag-jugend'), 1);
  });
});

describe('format', () => {
  it('formats partial dates at their precision', () => {
    assert.equal(formatPartialDate('2021', 'de'), '2021');
    assert.equal(formatPartialDate('2021-07', 'de'), 'Juli 2021');
    assert.equal(formatPartialDate('2021-11-08', 'de'), '8. November 2021');
    assert.equal(formatPartialDate('2021-07', 'en'), 'July 2021');
    assert.equal(formatPartialDate('2021-07', 'tr'), 'Temmuz 2021');
  });

  it('formats numbers and percentages for the locale', () => {
    assert.equal(formatNumber(1234.5, 'de'), '1.234,5');
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
    assert.equal(formatPercent(0.6625, 'de').replace(/\s/u, ' '), '66 %');
  });

  it('measures indicator progress in either direction, clamped', () => {
    const at = (baseline: number, target: number, current?: number) =>
      indicatorProgress({ id: 'i', title: 't', unit: 'u', baseline: { value: baseline, date: '2020' }, target: { value: target, date: '2030' }, current: current === undefined ? undefined : { value: current, date: '2025' } });
    assert.equal(at(0, 400, 265), 265 / 400);
    assert.equal(at(60, 30, 45), 0.5);
    assert.equal(at(0, 10, 20), 1);
    assert.equal(at(0, 10, -5), 0);
    assert.equal(at(5, 5, 5), undefined);
    assert.equal(at(0, 10), undefined);
  });
});

describe('generateFeed', () => {
  it('makes a valid feed with the requested number of measures', () => {
    const generated = generateFeed({ measures: 5000 });
    const result = validateFeed(JSON.parse(JSON.stringify(generated)));
    assert.deepEqual(result.ok ? [] : result.problems.slice(0, 3), []);
    const big = buildCatalogue(generated);
    assert.equal(big.entries.length, 5000);
    assert.equal(big.fields.length, 6);
    assert.ok(big.entries.some((e) => e.measure.contributedBy === 'ag-jugend'));
    assert.deepEqual(generateFeed({ measures: 10, seed: 1 }), generateFeed({ measures: 10, seed: 1 }));
  });
});
