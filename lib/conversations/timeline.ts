import type { Conversation, Message } from '@/lib/model';
import type { SlaEvent } from '@/lib/sla/evaluate';

/**
 * Messages already on the page when we first saw a conversation, older than this, are history: they
 * do not start a clock (opening a two-year-old thread must not make it two years overdue).
 */
export const BACKFILL_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

export function clockStartOf(conversation: Pick<Conversation, 'createdAt'>): string {
  return new Date(Date.parse(conversation.createdAt) - BACKFILL_HORIZON_MS).toISOString();
}

/** The conversation's history as the SLA clocks read it, oldest first. */
export function timelineOf(conversation: Pick<Conversation, 'createdAt' | 'events'>, messages: readonly Message[]): SlaEvent[] {
  const from = clockStartOf(conversation);
  const events: SlaEvent[] = [];
  for (const message of messages) {
    if (message.deletedAt || message.at < from) continue;
    events.push(
      message.direction === 'in'
        ? { type: 'inbound', at: message.at }
        : { type: 'outbound', at: message.at, ...(message.autoAck ? { autoAck: true } : {}) },
    );
  }
  for (const event of conversation.events) {
    // Tracking by hand says "this waits on us from now", like a message from them would.
    if (event.type === 'tracked') events.push({ type: 'inbound', at: event.at });
    else if (event.type === 'replied') events.push({ type: 'outbound', at: event.at });
    else if (event.type === 'resolved' || event.type === 'reopened') events.push({ type: event.type, at: event.at });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
