import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/messaging/send';
import type { ContactDetail, ContactRowView } from '@/lib/views/contacts';
import type { PanelView } from '@/lib/views/panel';

const SEARCH_ROWS = 20;

/**
 * The panel's "Same person as…" and its history across sites: look-alikes on other sites for the
 * contact on screen, the search, the merge (the contact on screen is kept), and the merged history.
 * Asked again whenever the pushed view shows the contact changed (a merge, a note, a sighting).
 */
export function useSamePerson(view: PanelView | null) {
  const contact = view?.contact ?? null;
  const contactId = contact?.id;
  // Each answer remembers the contact it is about: one for the previous contact is never shown.
  const [suggested, setSuggested] = useState<{ contactId: string; rows: ContactRowView[] } | null>(null);
  const [history, setHistory] = useState<{ contactId: string; detail: ContactDetail } | null>(null);
  // What the history and look-alikes depend on, as the view shows it.
  const shownKey = contact ? JSON.stringify([contact.id, contact.identities, contact.stage, view?.notes.length, view?.conversations.length]) : '';
  const multiSite = new Set(contact?.identities.map((identity) => identity.site)).size > 1;

  useEffect(() => {
    if (!contactId) return;
    let current = true;
    sendToBackground('contacts.same-person', { contactId })
      .then((answer) => current && setSuggested({ contactId, rows: answer.rows }))
      .catch(() => current && setSuggested(null));
    if (multiSite) {
      sendToBackground('contact.detail', { contactId })
        .then((detail) => current && setHistory({ contactId, detail }))
        .catch(() => current && setHistory(null));
    }
    return () => {
      current = false;
    };
  }, [contactId, shownKey, multiSite]);

  const onSearch = useCallback(async (text: string) => (await sendToBackground('contacts.search', { text, limit: SEARCH_ROWS })).rows, []);
  const onMerge = useCallback(
    async (otherId: string) => {
      if (!contactId) return;
      // The pushed view follows the committed merge; the answer already holds the merged history.
      const detail = await sendToBackground('contacts.merge', { keptId: contactId, foldedId: otherId });
      setHistory({ contactId, detail });
      setSuggested((previous) => previous && { ...previous, rows: previous.rows.filter((row) => row.id !== otherId) });
    },
    [contactId],
  );

  const suggestions = suggested && suggested.contactId === contactId ? suggested.rows : [];
  const detail = multiSite && history && history.contactId === contactId ? history.detail : null;
  return { contact, suggestions, detail, onSearch, onMerge };
}
