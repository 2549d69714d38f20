import type { Conversation } from '@/lib/model';
import type { NewRecord } from '@/lib/db/repository';

/** A conversation as first stored: no clock yet (the first refresh derives it), normal priority, no owner. */
export function blankConversation(subject: Pick<Conversation, 'site' | 'threadKey' | 'kind' | 'url' | 'contactId'>): NewRecord<Conversation> {
  return {
    site: subject.site,
    threadKey: subject.threadKey,
    kind: subject.kind,
    url: subject.url.slice(0, 2000),
    contactId: subject.contactId,
    status: 'open',
    priority: 'normal',
    policyId: null,
    targets: [],
    dueAt: null,
    snoozedUntil: null,
    waitingSince: null,
    firstResponseAt: null,
    resolvedAt: null,
    ownerId: null,
    linkedConversationId: null,
    preview: null,
    events: [],
  };
}
