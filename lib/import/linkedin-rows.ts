import type { CsvProblem } from './csv';
import { importRowProblem, importRowSchema, type ImportRow } from './import-row';
import { readLinkedInConnections, type LinkedInConnectionAt } from './linkedin-connections';

/**
 * A LinkedIn Connections.csv as rows to import: the name in full, the company and position in their fields,
 * and the day of the connection as when we first knew the person.
 */
export function linkedInImportRows(csv: string): { rows: ImportRow[]; errors: CsvProblem[] } {
  const read = readLinkedInConnections(csv);
  const rows: ImportRow[] = [];
  const errors = [...read.errors];
  for (const connection of read.rows) {
    const parsed = importRowSchema.safeParse(toDraft(connection));
    if (parsed.success) rows.push(parsed.data);
    else errors.push({ line: connection.line, reason: importRowProblem(parsed.error) });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

function toDraft(connection: LinkedInConnectionAt): unknown {
  return {
    line: connection.line,
    displayName: [connection.firstName, connection.lastName].filter((part) => part !== '').join(' '),
    identity: { site: 'linkedin', handle: connection.handle, profileUrl: connection.profileUrl },
    ...(connection.email === undefined ? {} : { email: connection.email }),
    ...(connection.company === undefined ? {} : { company: connection.company }),
    ...(connection.position === undefined ? {} : { position: connection.position }),
    ...(connection.connectedOn === undefined ? {} : { firstSeenAt: `${connection.connectedOn}T00:00:00.000Z` }),
  };
}
