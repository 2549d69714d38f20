// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createBodyWatch } from '@/lib/overlay/body-watch';
import { watchChanges } from '@/lib/overlay/watch-changes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchChanges', () => {
  it('runs once after a burst of additions has settled', async () => {
    document.body.innerHTML = '<ul></ul>';
    const list = document.querySelector('ul')!;
    let runs = 0;
    watchChanges(createBodyWatch(document.body), () => (runs += 1), { signal: new AbortController().signal, debounceMs: 30, minIntervalMs: 0 });
    for (let index = 0; index < 50; index += 1) {
      list.append(document.createElement('li'));
      await sleep(1);
    }
    expect(runs).toBe(0);
    await sleep(60);
    expect(runs).toBe(1);
  });

  it.each([false, true])('ignores text and attribute changes (relative times ticking); the shared watch reporting them: %s', async (detail) => {
    document.body.innerHTML = '<time>1m</time>';
    let runs = 0;
    const watch = createBodyWatch(document.body);
    if (detail) watch.withDetail(new AbortController().signal);
    watchChanges(watch, () => (runs += 1), { signal: new AbortController().signal, debounceMs: 10, minIntervalMs: 0 });
    const time = document.querySelector('time')!;
    time.textContent = '2m';
    time.setAttribute('datetime', '2026-03-02T10:00:00Z');
    await sleep(40);
    expect(runs).toBe(0);
  });

  it('keeps a minimum interval on a page that never stops changing', async () => {
    document.body.innerHTML = '';
    const runAt: number[] = [];
    const controller = new AbortController();
    watchChanges(createBodyWatch(document.body), () => runAt.push(Date.now()), { signal: controller.signal, debounceMs: 5, minIntervalMs: 100 });
    const started = Date.now();
    while (Date.now() - started < 350) {
      document.body.append(document.createElement('div'));
      await sleep(20);
    }
    controller.abort();
    expect(runAt.length).toBeGreaterThanOrEqual(2);
    expect(runAt.length).toBeLessThanOrEqual(4);
    for (let index = 1; index < runAt.length; index += 1) expect(runAt[index]! - runAt[index - 1]!).toBeGreaterThanOrEqual(95);
  });

  it('ignores the elements it is told to (our own panel host)', async () => {
    document.body.innerHTML = '';
    let runs = 0;
    watchChanges(createBodyWatch(document.body), () => (runs += 1), {
      signal: new AbortController().signal,
      debounceMs: 5,
      minIntervalMs: 0,
      ignore: (element) => element.localName === 'replyline-panel',
    });
    document.body.append(document.createElement('replyline-panel'));
    await sleep(30);
    expect(runs).toBe(0);
    document.body.append(document.createElement('div'));
    await sleep(30);
    expect(runs).toBe(1);
  });

  it('stops with the page view', async () => {
    document.body.innerHTML = '';
    let runs = 0;
    const controller = new AbortController();
    watchChanges(createBodyWatch(document.body), () => (runs += 1), { signal: controller.signal, debounceMs: 5, minIntervalMs: 0 });
    document.body.append(document.createElement('div'));
    controller.abort();
    document.body.append(document.createElement('div'));
    await sleep(30);
    expect(runs).toBe(0);
  });

  it('shares one watch: two watchers each run, and one stopping leaves the other', async () => {
    document.body.innerHTML = '';
    const watch = createBodyWatch(document.body);
    const first = new AbortController();
    let firstRuns = 0;
    let secondRuns = 0;
    watchChanges(watch, () => (firstRuns += 1), { signal: first.signal, debounceMs: 5, minIntervalMs: 0 });
    watchChanges(watch, () => (secondRuns += 1), { signal: new AbortController().signal, debounceMs: 5, minIntervalMs: 0 });
    document.body.append(document.createElement('div'));
    await sleep(30);
    expect([firstRuns, secondRuns]).toEqual([1, 1]);
    first.abort();
    document.body.append(document.createElement('div'));
    await sleep(30);
    expect([firstRuns, secondRuns]).toEqual([1, 2]);
  });
});
