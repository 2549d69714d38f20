/**
 * Structured logs: one JSON object a line. Entries carry request ids, routes, statuses and error codes;
 * never tokens, headers, bodies or record contents (error messages from the database can quote values,
 * so errors are logged by class, SQLSTATE and code location only).
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

export function createJsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), now: () => Date = () => new Date()): Logger {
  return {
    log(level, event, fields = {}) {
      write(JSON.stringify({ at: now().toISOString(), level, event, ...fields }));
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };

/** What may be logged of an unexpected error: its class, SQLSTATE and where in our code it was thrown. */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorClass: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 5)
    .join(' | ');
  return { errorClass: error.name, sqlState: typeof code === 'string' ? code : undefined, frames };
}
