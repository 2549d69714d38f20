import { contactDetail } from '@/lib/contacts/history';
import { mergeContacts, MergeRefusedError } from '@/lib/contacts/merge';
import { samePersonCandidates } from '@/lib/contacts/same-person';
import { contactSearchIndex } from '@/lib/contacts/search-cache';
import { identitiesOf } from '@/lib/db/identities';
import { contacts } from '@/lib/db/contacts';
import { writeRecord } from '@/lib/db/write';
import type { ContactFacts } from '@/lib/views/contacts';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers } from '@/lib/messaging/handle';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import type { Contact } from '@/lib/model';
import type { BackgroundServices } from './handlers';

type ContactsRequests = 'contacts.search' | 'contacts.same-person' | 'contact.detail' | 'contact.facts' | 'contacts.merge';

/** An empty field clears the stored fact; a field not sent keeps it. */
function applyFacts(contact: Contact, facts: ContactFacts): Contact {
  const pick = (typed: string | undefined, stored: string | undefined) => (typed === undefined ? stored : typed === '' ? undefined : typed);
  const { company, position, email, phone, ...rest } = contact;
  const next = {
    company: pick(facts.company, company),
    position: pick(facts.position, position),
    email: pick(facts.email, email),
    phone: pick(facts.phone, phone),
  };
  // Cleared facts are left out rather than stored as undefined.
  return { ...rest, ...Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) };
}

export function contactsHandlers(
  { db, clock }: Pick<BackgroundServices, 'db' | 'clock'>,
): Pick<Handlers<BackgroundProtocol>, ContactsRequests> {
  return {
    async 'contacts.search'({ text, stage, site, limit }) {
      const found = (await contactSearchIndex(db)).search({ text, stage, site });
      return { rows: found.slice(0, limit), total: found.length };
    },

    async 'contacts.same-person'({ contactId }) {
      const contact = await contacts.get(db, contactId);
      if (!contact || contact.deletedAt) return { rows: [] };
      const index = await contactSearchIndex(db);
      const shown = { id: contact.id, displayName: contact.displayName, identities: await identitiesOf(db, contactId) };
      return { rows: samePersonCandidates(shown, index.search({ text: contact.displayName })) };
    },

    async 'contact.detail'({ contactId }) {
      return contactDetail(db, contactId);
    },

    async 'contact.facts'({ contactId, facts }) {
      const stored = await contacts.get(db, contactId);
      if (!stored) throw new ProtocolError('not-found', `No contact ${contactId}`);
      // Through the repository's write path: stamped, in the outbox, synced like any other edit.
      const next = applyFacts(stored, facts);
      const tx = contacts.startWrite(db);
      await writeRecord(tx, 'contacts', contacts.parse(next), stored, clock);
      await tx.done;
      return contactDetail(db, contactId);
    },

    async 'contacts.merge'({ keptId, foldedId }) {
      try {
        await mergeContacts(db, clock, keptId, foldedId);
      } catch (error) {
        if (error instanceof MergeRefusedError) throw new ProtocolError('bad-request', error.message);
        throw error;
      }
      return contactDetail(db, keptId);
    },
  };
}
