import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Thrown when another live process holds the PGlite data directory. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `the PGlite data directory is in use by process ${holderPid} (lock file ${lockPath}). ` +
        'PGlite allows one process per directory: stop that server first, or use its admin API ' +
        '(POST /v1/agents, DELETE /v1/agents/:id with an admin token) while it runs.',
    );
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

/** `<dir>.lock` beside the directory (PGlite owns what is inside it). */
export function lockPathFor(dataDir: string): string {
  return `${resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

/**
 * Takes the directory's lock file (created exclusively, holding this process's pid). A lock whose
 * holder is no longer running is stale and taken over; a live holder's makes this throw DataDirBusyError.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  const path = lockPathFor(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid, since: new Date().toISOString() }), { flag: 'wx' });
      return {
        path,
        release() {
          if (holderOf(path) === pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      if (holder !== undefined && holder !== pid && isRunning(holder)) throw new DataDirBusyError(path, holder);
      // Stale (its process is gone, or the file is unreadable): take it over.
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`could not take the lock file ${path}`);
}

function holderOf(path: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const pid = typeof parsed === 'object' && parsed !== null && 'pid' in parsed ? parsed.pid : undefined;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
