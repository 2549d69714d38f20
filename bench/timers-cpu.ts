/**
 * CPU time of a whole Chromium (browser process and every descendant: renderers, the extension's
 * process, the storage service), read from /proc. On a shared, busy machine wall times stretch with
 * the load; CPU time per operation stretches much less, so the benchmark reports both.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (10 ms). */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  pid: number;
  parentPid: number;
  cpuTicks: number;
}

function readProcess(pid: number): ProcessTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(3) ppid(4) … utime(14) stime(15), so index = field number − 3.
    return { pid, parentPid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended between the listing and the read
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Summed user + system CPU time, in ms, of the Chromium started with this profile directory and all its descendants. */
export function chromiumCpuMs(profileDir: string): number {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((entry): entry is ProcessTimes => entry !== null);
  const roots = processes.filter((entry) => commandLine(entry.pid).includes(`--user-data-dir=${profileDir}`));
  const tree = new Set(roots.map((entry) => entry.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of processes) {
      if (!tree.has(entry.pid) && tree.has(entry.parentPid)) {
        tree.add(entry.pid);
        grew = true;
      }
    }
  }
  if (tree.size === 0) throw new Error(`No Chromium process with the profile ${profileDir}`);
  const ticks = processes.filter((entry) => tree.has(entry.pid)).reduce((sum, entry) => sum + entry.cpuTicks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
