import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dayNumber, parseDay } from '../src/dates.js';
import { TodayController } from '../src/today-controller.js';

/** A host that only counts the updates it is asked for. */
function testHost() {
  const controllers: ReactiveController[] = [];
  const host = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
  } satisfies ReactiveControllerHost & { updates: number };
  return { host, connect: () => controllers.forEach((c) => c.hostConnected?.()), disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()) };
}

describe('TodayController', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('moves to the next day just after local midnight, and asks the host to render then', () => {
    let now = new Date(2026, 10, 25, 23, 59, 58);
    const { host, connect } = testHost();
    const today = new TodayController(host, () => undefined, () => now);
    connect();
    assert.equal(today.value, dayNumber(2026, 11, 25));
    mock.timers.tick(2000);
    assert.equal(host.updates, 0, 'not before midnight');
    now = new Date(2026, 10, 26, 0, 0, 1);
    mock.timers.tick(1000);
    assert.equal(host.updates, 1);
    assert.equal(today.value, dayNumber(2026, 11, 26));
  });

  it('checks again within the hour however far midnight is (a laptop that slept)', () => {
    const { host, connect } = testHost();
    new TodayController(host, () => undefined, () => new Date(2026, 10, 25, 8, 0, 0));
    connect();
    mock.timers.tick(3_600_000 - 1);
    assert.equal(host.updates, 0);
    mock.timers.tick(1);
    assert.equal(host.updates, 1);
  });

  it('keeps a fixed date and sets no timer', () => {
    const { host, connect } = testHost();
    const today = new TodayController(host, () => '2026-03-10', () => new Date(2026, 10, 25, 23, 59, 59));
    connect();
    assert.equal(today.value, parseDay('2026-03-10'));
    mock.timers.tick(7_200_000);
    assert.equal(host.updates, 0);
  });

  it('stops when the host leaves the page', () => {
    const { host, connect, disconnect } = testHost();
    new TodayController(host, () => undefined, () => new Date(2026, 10, 25, 23, 59, 59));
    connect();
    disconnect();
    mock.timers.tick(7_200_000);
    assert.equal(host.updates, 0);
  });
});
