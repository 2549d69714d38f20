/**
 * What the long-page benchmark reads from Chromium over CDP: the page renderer's main-thread counters
 * (Performance.getMetrics, as page-cost.ts reads them), its JS heap after a full garbage collection,
 * and the CPU time and panel heap of the extension's own renderer process.
 */
import type { CDPSession, Frame } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/browser.ts';

/** Main-thread counters of the page renderer, in ms (the content script's isolated world included). */
export interface MainThreadCounters {
  /** TaskDuration: wall time of every main-thread task. */
  taskMs: number;
  /** ScriptDuration: JavaScript run, all worlds. */
  scriptMs: number;
  /** LayoutDuration. */
  layoutMs: number;
  /** RecalcStyleDuration. */
  recalcStyleMs: number;
  /** ThreadTime: main-thread CPU time. */
  threadCpuMs: number;
}

export const COUNTER_KEYS = ['taskMs', 'scriptMs', 'layoutMs', 'recalcStyleMs', 'threadCpuMs'] as const satisfies readonly (keyof MainThreadCounters)[];

const METRIC_OF: Record<keyof MainThreadCounters, string> = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  layoutMs: 'LayoutDuration',
  recalcStyleMs: 'RecalcStyleDuration',
  threadCpuMs: 'ThreadTime',
};

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

async function metricsOf(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

function metric(metrics: Map<string, number>, name: string): number {
  const value = metrics.get(name);
  if (value === undefined) throw new Error(`Performance.getMetrics has no ${name}`);
  return value;
}

export async function readCounters(cdp: CDPSession): Promise<MainThreadCounters> {
  const metrics = await metricsOf(cdp);
  const counters = {} as MainThreadCounters;
  for (const key of COUNTER_KEYS) counters[key] = round2(metric(metrics, METRIC_OF[key]) * 1000);
  return counters;
}

export function countersBetween(start: MainThreadCounters, end: MainThreadCounters): MainThreadCounters {
  const difference = {} as MainThreadCounters;
  for (const key of COUNTER_KEYS) difference[key] = round2(end[key] - start[key]);
  return difference;
}

export interface HeapReading {
  /** JSHeapUsedSize after HeapProfiler.collectGarbage: the isolate's live objects, every world's. */
  jsHeapUsedBytes: number;
  /** DOM nodes alive in the page's renderer (Nodes). */
  domNodes: number;
}

/** A full garbage collection, then the heap still in use: what the page holds on to. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = await metricsOf(cdp);
  return { jsHeapUsedBytes: metric(metrics, 'JSHeapUsedSize'), domNodes: metric(metrics, 'Nodes') };
}

export interface ExtensionProcessReading {
  /** Cumulative CPU time (ProcessTime, 10 ms steps) of the extension's renderer process: the panel frame and the service worker. */
  cpuMs: number;
  /** The panel frame's JS heap after a full garbage collection (its isolate; the service worker has its own). */
  panelHeapBytes: number;
}

/** The extension's renderer process, read through the panel frame (an out-of-process iframe, not in the page's counters). */
export async function readExtensionProcess(browser: ExtensionBrowser, panel: Frame): Promise<ExtensionProcessReading> {
  const cdp = await browser.context.newCDPSession(panel);
  try {
    await cdp.send('Performance.enable');
    const cpuMs = round2(metric(await metricsOf(cdp), 'ProcessTime') * 1000);
    await cdp.send('HeapProfiler.collectGarbage');
    return { cpuMs, panelHeapBytes: metric(await metricsOf(cdp), 'JSHeapUsedSize') };
  } finally {
    await cdp.detach();
  }
}
