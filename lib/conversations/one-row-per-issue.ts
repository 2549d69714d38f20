import type { Conversation } from '@/lib/model';

/** Public comments and posts are answered in public; a conversation is a DM. */
export function whereOf(kind: Conversation['kind']): 'public' | 'private' {
  return kind === 'conversation' ? 'private' : 'public';
}

export interface LinkableRow {
  conversationId: string | null;
  linkedConversationId: string | null;
}

/**
 * One row per issue: a public comment and the DM it moved to (linked both ways by Move to DM) are one
 * row. Rows come in the queue's order; the earlier of a pair stays (it has less time left) and takes the
 * later one as its partner. Answers the rows kept, each with its partner row when both were listed.
 */
export function pairLinkedRows<Row extends LinkableRow>(rows: readonly Row[]): Array<{ row: Row; partner: Row | null }> {
  const byId = new Map<string, Row>();
  for (const row of rows) if (row.conversationId) byId.set(row.conversationId, row);
  const absorbed = new Set<string>();
  const kept: Array<{ row: Row; partner: Row | null }> = [];
  for (const row of rows) {
    if (row.conversationId && absorbed.has(row.conversationId)) continue;
    const partner = row.linkedConversationId ? byId.get(row.linkedConversationId) : undefined;
    // Only a link both halves agree on: a stale one-sided link does not hide a row.
    const paired = partner && partner !== row && partner.linkedConversationId === row.conversationId ? partner : null;
    if (paired?.conversationId) absorbed.add(paired.conversationId);
    if (row.conversationId) absorbed.add(row.conversationId);
    kept.push({ row, partner: paired });
  }
  return kept;
}
