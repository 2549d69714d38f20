// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/overlay/wait-for';

const hasHeading = () => document.querySelector('h1') !== null;

describe('waitFor', () => {
  it('resolves at once when the page is ready', async () => {
    document.body.innerHTML = '<h1>Ada</h1>';
    expect(await waitFor(document.body, hasHeading, { signal: new AbortController().signal, timeoutMs: 1000 })).toBe(true);
  });

  it('resolves when the anchor appears, checking at most once per throttle window', async () => {
    document.body.innerHTML = '';
    let checks = 0;
    const waiting = waitFor(
      document.body,
      () => {
        checks += 1;
        return hasHeading();
      },
      { signal: new AbortController().signal, timeoutMs: 2000, throttleMs: 30 },
    );
    for (let index = 0; index < 200; index += 1) document.body.append(document.createElement('span'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    document.body.append(document.createElement('h1'));
    expect(await waiting).toBe(true);
    expect(checks).toBeLessThanOrEqual(4);
  });

  it('gives up at the timeout and when aborted, and stops observing', async () => {
    document.body.innerHTML = '';
    expect(await waitFor(document.body, hasHeading, { signal: new AbortController().signal, timeoutMs: 20 })).toBe(false);

    const controller = new AbortController();
    let checks = 0;
    const waiting = waitFor(
      document.body,
      () => {
        checks += 1;
        return false;
      },
      { signal: controller.signal, timeoutMs: 5000, throttleMs: 1 },
    );
    controller.abort();
    expect(await waiting).toBe(false);
    const afterAbort = checks;
    document.body.append(document.createElement('h1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(checks).toBe(afterAbort);
  });
});
