import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadLog } from './load.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', totalMemoryBytes: os.totalmem(), os: `${os.type()} ${os.release()}`, node: process.version };
}

/**
 * Writes bench/results/<name>.json: the date, the machine, the load seen during the run, then the
 * benchmark's own fields. Returns the path written.
 */
export function writeResults(name: string, load: LoadLog, body: Record<string, unknown>, extraMachine: Record<string, unknown> = {}): string {
  const file = path.resolve(process.cwd(), 'bench/results', `${name}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const result = { date: new Date().toISOString(), machine: { ...machine(), ...extraMachine }, load: load.summary(), ...body };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

export function runsFromEnvironment(fallback: number, name = 'BENCH_RUNS'): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 2 ? value : fallback;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function progress(text: string): void {
  process.stdout.write(`\r  ${text.padEnd(60)}`);
}
