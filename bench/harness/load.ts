import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** The machine's load averages (1, 5, 15 min), rounded: other jobs on a shared machine skew every timing. */
export interface LoadAverage {
  at: string;
  '1m': number;
  '5m': number;
  '15m': number;
}

export function loadAverage(): LoadAverage {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  const round = (value: number) => Math.round(value * 100) / 100;
  return { at: new Date().toISOString(), '1m': round(one), '5m': round(five), '15m': round(fifteen) };
}

/** The load at the start, at each `mark` and at the end of a run: a figure taken while the load rose is suspect. */
export class LoadLog {
  readonly samples: (LoadAverage & { label: string })[] = [];

  mark(label: string): void {
    this.samples.push({ label, ...loadAverage() });
  }

  /** The highest and the median 1-min load seen. */
  summary(): { max1m: number; median1m: number; samples: (LoadAverage & { label: string })[] } {
    const ones = this.samples.map((sample) => sample['1m']).sort((a, b) => a - b);
    return { max1m: ones.at(-1) ?? 0, median1m: ones[Math.floor(ones.length / 2)] ?? 0, samples: this.samples };
  }
}

/**
 * Waits (up to `timeoutMs`) until the 1-min load is at most `maxLoad`: on a machine shared with other
 * jobs, a benchmark started during their burst measures them. Gives the load it started at.
 */
export async function waitForQuiet(maxLoad: number, timeoutMs: number, report: (load: number) => void = () => {}): Promise<LoadAverage> {
  const deadline = Date.now() + timeoutMs;
  let load = loadAverage();
  while (load['1m'] > maxLoad && Date.now() < deadline) {
    report(load['1m']);
    await sleep(5000);
    load = loadAverage();
  }
  return load;
}

/** BENCH_MAX_LOAD (default: the number of cores) for `waitForQuiet`. */
export function maxLoadFromEnvironment(): number {
  const value = Number(process.env.BENCH_MAX_LOAD);
  return Number.isFinite(value) && value > 0 ? value : os.cpus().length;
}
