/**
 * Where the content script's time goes: a V8 CPU profile of the page's renderer (every world) taken
 * over one growth, reduced to the extension's own code. The bundle is minified without source maps,
 * so each function is named by its minified name, its position, and the start of its source text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';

/** Sampling period of the profiler, in µs (V8's default is 1000). */
const SAMPLING_INTERVAL_US = 250;
const SNIPPET_CHARS = 160;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfiledFunction {
  /** Minified name (or "(anonymous)") and where it starts in the built file. */
  name: string;
  file: string;
  line: number;
  column: number;
  /** Samples with this function on top of the stack. */
  selfMs: number;
  /** Samples with this function anywhere on the stack (each sample counted once). */
  totalMs: number;
  /** The first characters of the function's source in the built file, to find it in the code. */
  source: string;
}

export interface ContentScriptProfile {
  method: string;
  profiledMs: number;
  /** Samples with any of the extension's code on the stack: the content script's main-thread JS time. */
  extensionCodeMs: number;
  /** Samples of garbage collection (not attributable to one world). */
  garbageCollectorMs: number;
  topBySelf: ProfiledFunction[];
  topByTotal: ProfiledFunction[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The start of a function's text in the built file, read from .output (the file the page ran). */
function sourceAt(extensionDir: string, frame: CallFrame, cache: Map<string, string[]>): string {
  const file = new URL(frame.url).pathname;
  let lines = cache.get(file);
  if (lines === undefined) {
    try {
      lines = readFileSync(path.join(extensionDir, file), 'utf8').split('\n');
    } catch {
      lines = [];
    }
    cache.set(file, lines);
  }
  return (lines[frame.lineNumber] ?? '').slice(frame.columnNumber, frame.columnNumber + SNIPPET_CHARS);
}

/** Stops the profiler and reduces the profile to the extension's functions (scripts under chrome-extension://). */
export async function stopProfile(cdp: CDPSession, extensionDir: string, top = 15): Promise<ContentScriptProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const isExtension = (frame: CallFrame) => frame.url.startsWith('chrome-extension://');
  const keyOf = (frame: CallFrame) => `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;

  const self = new Map<string, { frame: CallFrame; us: number }>();
  const total = new Map<string, { frame: CallFrame; us: number }>();
  let extensionUs = 0;
  let gcUs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; the sample stands for the interval that follows it.
  for (let index = 0; index < samples.length; index += 1) {
    const us = deltas[index + 1] ?? SAMPLING_INTERVAL_US;
    const leaf = byId.get(samples[index]!);
    if (leaf === undefined) continue;
    if (leaf.callFrame.functionName === '(garbage collector)') gcUs += us;
    if (isExtension(leaf.callFrame)) {
      const key = keyOf(leaf.callFrame);
      self.set(key, { frame: leaf.callFrame, us: (self.get(key)?.us ?? 0) + us });
    }
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node !== undefined; node = byId.get(parentOf.get(node.id) ?? -1)) {
      if (!isExtension(node.callFrame)) continue;
      const key = keyOf(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, { frame: node.callFrame, us: (total.get(key)?.us ?? 0) + us });
    }
    if (seen.size > 0) extensionUs += us;
  }

  const cache = new Map<string, string[]>();
  const describe = (entry: { frame: CallFrame }): ProfiledFunction => {
    const key = keyOf(entry.frame);
    return {
      name: entry.frame.functionName === '' ? '(anonymous)' : entry.frame.functionName,
      file: new URL(entry.frame.url).pathname,
      line: entry.frame.lineNumber,
      column: entry.frame.columnNumber,
      selfMs: round2((self.get(key)?.us ?? 0) / 1000),
      totalMs: round2((total.get(key)?.us ?? 0) / 1000),
      source: sourceAt(extensionDir, entry.frame, cache),
    };
  };
  const ranked = (map: Map<string, { frame: CallFrame; us: number }>) =>
    [...map.values()].sort((a, b) => b.us - a.us).slice(0, top).map(describe);
  return {
    method:
      `V8 CPU profile (Profiler domain, ${SAMPLING_INTERVAL_US} µs sampling) of the page's renderer over one with-extension growth; ` +
      'functions of scripts under chrome-extension:// (the content script), self = on top of the stack, total = anywhere on it.',
    profiledMs: round2((profile.endTime - profile.startTime) / 1000),
    extensionCodeMs: round2(extensionUs / 1000),
    garbageCollectorMs: round2(gcUs / 1000),
    topBySelf: ranked(self),
    topByTotal: ranked(total),
  };
}
