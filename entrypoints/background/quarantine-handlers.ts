import { discardQuarantined, listQuarantined, QuarantineEntryMissingError, retryQuarantined, type QuarantinedChange } from '@/lib/db/quarantine';
import type { ReplylineDb } from '@/lib/db/open';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers } from '@/lib/messaging/handle';
import type { quarantineProtocol, RefusedChangeView } from '@/lib/messaging/quarantine-protocol';
import { cleanPageText } from '@/lib/model/clean-text';
import type { SyncService } from './sync-service';

const PREVIEW_LENGTH = 120;
/** Fields whose text best tells a person which change this was, in order of preference. */
const TELLING_FIELDS = ['body', 'text', 'displayName', 'title', 'name', 'customerText', 'handle', 'excerpt'];

/** The options page's refused changes: list, retry (back into the outbox, pushed soon) and discard. */
export function quarantineHandlers({ db, sync }: { db: ReplylineDb; sync: Pick<SyncService, 'pushSoon'> }): Handlers<typeof quarantineProtocol> {
  return {
    async 'sync.quarantine.list'() {
      const { changes, unreadable } = await listQuarantined(db);
      return { changes: changes.map(viewOf), unreadable };
    },

    async 'sync.quarantine.retry'({ mutationId }) {
      await missingAsNotFound(() => retryQuarantined(db, mutationId));
      sync.pushSoon();
      return { ok: true as const };
    },

    async 'sync.quarantine.discard'({ mutationId }) {
      await missingAsNotFound(() => discardQuarantined(db, mutationId));
      return { ok: true as const };
    },
  };
}

async function missingAsNotFound(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof QuarantineEntryMissingError) throw new ProtocolError('not-found', error.message);
    throw error;
  }
}

function viewOf(change: QuarantinedChange): RefusedChangeView {
  const [where, named] = change.path.split('.');
  const field = (where === 'fields' || where === 'stamps') && named ? named : null;
  return {
    mutationId: change.mutationId,
    store: change.entry.store,
    recordId: change.entry.recordId,
    field,
    fields: Object.keys(change.entry.fields),
    preview: previewOf(change.entry.fields, field),
    reason: change.reason,
    message: change.message,
    quarantinedAt: change.quarantinedAt,
  };
}

/** The named field's text, else the most telling text field; NUL shown as [NUL] (U+2400's glyph is missing from common fonts) so the person sees what was refused. */
function previewOf(fields: Record<string, unknown>, named: string | null): string | null {
  const candidates = [...(named ? [named] : []), ...TELLING_FIELDS];
  const text = candidates.map((name) => fields[name]).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (text === undefined) return null;
  // By code points, so that the cut never splits a surrogate pair.
  const visible = Array.from(cleanPageText(text.replaceAll('\u0000', '[NUL]')).trim());
  return visible.length > PREVIEW_LENGTH ? `${visible.slice(0, PREVIEW_LENGTH - 1).join('')}…` : visible.join('');
}
