import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Indicator } from '@wir/feed';
import { indicatorChart } from '../src/internal/format.js';

const indicator = (series: Indicator['series'], baseline = { value: 0, date: '2020' }, target = { value: 100, date: '2030' }): Indicator => ({
  id: 'i',
  title: 'I',
  unit: 'u',
  baseline,
  target,
  series,
});

describe('indicator chart geometry', () => {
  it('places time along x from the earliest to the latest date, and values along y (up is more)', () => {
    const chart = indicatorChart(indicator([{ value: 0, date: '2020' }, { value: 50, date: '2025' }]))!;
    assert.equal(chart.line, '0 36 50 20');
    assert.equal(chart.dots, 'M0 36h0M50 20h0');
    assert.equal(chart.target, 'M100 4h0');
    assert.deepEqual([chart.base, chart.goal], [36, 4]);
  });

  it('reads partial dates at their first day and spans values the target lies below', () => {
    const chart = indicatorChart(indicator([{ value: 60, date: '2021-01' }, { value: 45, date: '2021-07-02' }], { value: 60, date: '2021' }, { value: 30, date: '2022' }))!;
    // 2021-07-02 is day 182 of 365.
    assert.equal(chart.line, `0 4 ${+((182 / 365) * 100).toFixed(1)} 20`);
    assert.deepEqual([chart.base, chart.goal], [4, 36]);
  });

  it('draws nothing below two values and stays finite when everything is equal', () => {
    assert.equal(indicatorChart(indicator(undefined)), undefined);
    assert.equal(indicatorChart(indicator([{ value: 3, date: '2021' }])), undefined);
    const flat = indicatorChart(indicator([{ value: 5, date: '2021' }, { value: 5, date: '2021' }], { value: 5, date: '2021' }, { value: 5, date: '2021' }))!;
    assert.equal(flat.line, '0 36 0 36');
  });
});
