/**
 * Time on the page renderer's main thread that belongs to the extension, from a Chromium trace:
 * every trace event on the page process's CrRendererMain that names a chrome-extension:// URL
 * (EvaluateScript and v8.compile of a content script, FunctionCall of its callbacks, its timers and
 * observers), nested events counted once. The panel frame runs in the extension's own renderer
 * process and is reported apart (`extensionProcesses`).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the event carries it. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
  '__metadata',
];

/** Traces `run` (browser-wide) and returns its events. */
export async function traceWhile(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => undefined);
  }
  return events;
}

/** The URL an event names, where it names one. */
export function urlOf(event: TraceEvent): string | undefined {
  const data = event.args?.data ?? event.args?.beginData;
  if (!data) return undefined;
  for (const key of ['url', 'scriptName', 'fileName']) {
    const value = data[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  const stack = data.stackTrace;
  if (Array.isArray(stack) && stack.length > 0) {
    const top = stack[0] as { url?: unknown };
    if (typeof top.url === 'string') return top.url;
  }
  return undefined;
}

const isOurs = (url: string | undefined) => url !== undefined && url.startsWith('chrome-extension://');

/** Main threads (CrRendererMain) by process, and which processes rendered a page of `origin`. */
function rendererMains(events: readonly TraceEvent[]): Map<number, number> {
  const mains = new Map<number, number>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mains.set(event.pid, event.tid);
  }
  return mains;
}

function processesParsing(events: readonly TraceEvent[], mains: Map<number, number>, prefix: string): Set<number> {
  const found = new Set<number>();
  for (const event of events) {
    if (event.name !== 'ParseHTML' || mains.get(event.pid) !== event.tid) continue;
    const url = event.args?.beginData?.url;
    if (typeof url === 'string' && url.startsWith(prefix)) found.add(event.pid);
  }
  return found;
}

/** Complete events on one thread (B/E pairs joined), sorted by start. */
function completeEvents(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X') out.push(event);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) {
        const tdur = begin.tts !== undefined && event.tts !== undefined ? event.tts - begin.tts : undefined;
        out.push({ ...begin, ph: 'X', dur: event.ts - begin.ts, ...(tdur === undefined ? {} : { tdur }), args: { ...begin.args, ...event.args, beginData: begin.args?.data } });
      }
    }
  }
  return out.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** Time intervals [start, end) in trace µs. */
type Interval = [number, number];

function mergedLength(intervals: Interval[]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of intervals) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

interface SampledStack {
  /** Trace µs. */
  from: number;
  to: number;
  /** The innermost frame of ours, where the stack has one. */
  ours?: ProfileNode;
  /** The innermost frame whatever its script. */
  top: ProfileNode;
}

/**
 * The V8 sampling profiler's samples (disabled-by-default-v8.cpu_profiler) of one thread's isolate:
 * they name the running script even inside microtasks and promise continuations, which carry no
 * trace event of their own.
 */
function sampledStacks(events: readonly TraceEvent[], pid: number, tid: number): SampledStack[] {
  const out: SampledStack[] = [];
  for (const profile of events) {
    if (profile.name !== 'Profile' || profile.pid !== pid || profile.tid !== tid) continue;
    const id = (profile as TraceEvent & { id?: string }).id;
    const startTime = Number(profile.args?.data?.startTime ?? profile.ts);
    const nodes = new Map<number, ProfileNode>();
    const ids: number[] = [];
    const deltas: number[] = [];
    for (const chunk of events) {
      if (chunk.name !== 'ProfileChunk' || chunk.pid !== pid || (chunk as TraceEvent & { id?: string }).id !== id) continue;
      const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      ids.push(...(data?.cpuProfile?.samples ?? []));
      deltas.push(...(data?.timeDeltas ?? []));
    }
    const oursOf = new Map<number, ProfileNode | undefined>();
    const innermostOurs = (nodeId: number): ProfileNode | undefined => {
      if (oursOf.has(nodeId)) return oursOf.get(nodeId);
      const node = nodes.get(nodeId);
      const found = node === undefined ? undefined : isOurs(node.callFrame.url) ? node : node.parent === undefined ? undefined : innermostOurs(node.parent);
      oursOf.set(nodeId, found);
      return found;
    };
    let time = startTime;
    const times = deltas.map((delta) => (time += delta));
    for (let index = 0; index + 1 < ids.length; index += 1) {
      const top = nodes.get(ids[index]!);
      if (!top) continue;
      out.push({ from: times[index]!, to: times[index + 1]!, ours: innermostOurs(top.id), top });
    }
  }
  return out;
}

export interface Attribution {
  /** Time covered by events naming a chrome-extension:// URL or by samples with our script on the stack, overlaps merged (ms). */
  oursMs: number;
  /** Of which: trace events naming our URL (EvaluateScript, FunctionCall…), overlaps merged. */
  oursEventsMs: number;
  /**
   * CPU (thread) time of the outermost events naming our URL: unlike wall time, it does not grow when
   * other jobs share the cores (microtasks outside those events are not in it; oursMs has them).
   */
  oursEventsCpuMs: number;
  /** Of which: compiling our scripts (v8.compile naming our URL). */
  oursCompileMs: number;
  /** Our time per outermost event name (EvaluateScript, FunctionCall…), ms. */
  oursByEventMs: Record<string, number>;
  /** Sampled time with our script on the stack, by our innermost function (top 15), ms: where the time goes. */
  oursByFunctionMs: Record<string, number>;
  /** Wall time of every top-level task (RunTask) on the page's main thread, ms. */
  pageTaskMs: number;
  /** CPU (thread) time of those tasks, ms. */
  pageTaskCpuMs: number;
  /** Page processes found (more than one: a navigation swapped processes). */
  pageProcesses: number;
  /** CrRendererMain busy time of the extension's renderer processes (the panel frame), top-level tasks, ms. */
  extensionProcessTaskMs: number;
}

const TOP_TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function topLevelTaskMs(events: readonly TraceEvent[]): number {
  return mergedLength(events.filter((event) => TOP_TASKS.has(event.name) && event.dur !== undefined).map((event) => [event.ts, event.ts + event.dur!])) / 1000;
}

/** Thread time of the outermost events of `events` (sorted by start): nested ones are inside their parent's. */
function outermostCpuMs(events: readonly TraceEvent[]): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const event of events) {
    if (event.dur === undefined) continue;
    if (event.ts >= coveredUntil) total += event.tdur ?? 0;
    coveredUntil = Math.max(coveredUntil, event.ts + event.dur);
  }
  return total / 1000;
}

function frameName(node: ProfileNode): string {
  const { functionName, url = '', lineNumber = 0, columnNumber = 0 } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${lineNumber + 1}:${columnNumber + 1}`;
}

/** Our share of the page's main thread in a trace, and the extension process's separately. */
export function attribute(events: readonly TraceEvent[], pageOriginPrefix: string): Attribution {
  const mains = rendererMains(events);
  const pages = processesParsing(events, mains, pageOriginPrefix);
  const extensions = processesParsing(events, mains, 'chrome-extension://');
  const eventIntervals: Interval[] = [];
  const allIntervals: Interval[] = [];
  let compileUs = 0;
  let pageTaskMs = 0;
  let pageTaskCpuMs = 0;
  let oursCpuMs = 0;
  const byEvent: Record<string, number> = {};
  const byFunction = new Map<string, number>();
  for (const pid of pages) {
    const tid = mains.get(pid)!;
    const thread = completeEvents(events, pid, tid);
    pageTaskMs += topLevelTaskMs(thread);
    pageTaskCpuMs += outermostCpuMs(thread.filter((event) => TOP_TASKS.has(event.name)));
    oursCpuMs += outermostCpuMs(thread.filter((event) => isOurs(urlOf(event))));
    let coveredUntil = -Infinity;
    for (const event of thread) {
      if (event.dur === undefined || !isOurs(urlOf(event))) continue;
      const end = event.ts + event.dur;
      eventIntervals.push([event.ts, end]);
      if (event.name === 'v8.compile') compileUs += event.dur;
      // Only an event that starts outside every earlier one of ours is outermost: its name says what ran.
      if (event.ts >= coveredUntil) byEvent[event.name] = (byEvent[event.name] ?? 0) + event.dur / 1000;
      coveredUntil = Math.max(coveredUntil, end);
    }
    for (const sample of sampledStacks(events, pid, tid)) {
      if (!sample.ours) continue;
      allIntervals.push([sample.from, sample.to]);
      const name = frameName(sample.ours);
      byFunction.set(name, (byFunction.get(name) ?? 0) + (sample.to - sample.from) / 1000);
    }
  }
  allIntervals.push(...eventIntervals);
  let extensionProcessTaskMs = 0;
  for (const pid of extensions) {
    if (pages.has(pid)) continue;
    extensionProcessTaskMs += topLevelTaskMs(completeEvents(events, pid, mains.get(pid)!));
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    oursMs: round(mergedLength(allIntervals) / 1000),
    oursEventsMs: round(mergedLength(eventIntervals) / 1000),
    oursEventsCpuMs: round(oursCpuMs),
    oursCompileMs: round(compileUs / 1000),
    oursByEventMs: Object.fromEntries(Object.entries(byEvent).map(([name, ms]) => [name, round(ms)])),
    oursByFunctionMs: Object.fromEntries(
      [...byFunction]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([name, ms]) => [name, round(ms)]),
    ),
    pageTaskMs: round(pageTaskMs),
    pageTaskCpuMs: round(pageTaskCpuMs),
    pageProcesses: pages.size,
    extensionProcessTaskMs: round(extensionProcessTaskMs),
  };
}
