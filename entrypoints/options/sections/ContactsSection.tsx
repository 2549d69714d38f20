import { useEffect, useState } from 'react';
import { ContactDetailView } from '@/components/options/contacts/ContactDetailView';
import { ContactList } from '@/components/options/contacts/ContactList';
import { ContactSearch } from '@/components/options/contacts/ContactSearch';
import { useLocalisation } from '@/components/i18n';
import type { ContactDetail, ContactRowView } from '@/lib/views/contacts';
import { sendToBackground } from '@/lib/messaging/send';
import type { ContactStage } from '@/lib/model';
import { errorText } from '../error-text';

const SEARCH_DEBOUNCE_MS = 120;
const LIST_LIMIT = 20_000;

/** The contact list: search, a contact's whole history, its facts, and merging two by hand. */
export function ContactsSection() {
  const { t } = useLocalisation();
  const [text, setText] = useState('');
  const [stage, setStage] = useState<ContactStage | ''>('');
  const [rows, setRows] = useState<ContactRowView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<ContactDetail | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      sendToBackground('contacts.search', { text, ...(stage ? { stage } : {}), limit: LIST_LIMIT }).then(
        (answer) => {
          if (!current) return;
          setRows(answer.rows);
          setTotal(answer.total);
        },
        (failure: unknown) => current && setError(errorText(failure)),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, stage, generation]);

  useEffect(() => {
    if (!openId) return;
    let current = true;
    sendToBackground('contact.detail', { contactId: openId }).then(
      (answer) => current && setDetail(answer),
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
  }, [openId, generation]);

  const [first, second] = ticked;
  const ticks = (id: string, on: boolean) => setTicked((list) => (on ? [...list, id].slice(0, 2) : list.filter((other) => other !== id)));
  const nameOf = (id: string | undefined) => rows.find((row) => row.id === id)?.displayName ?? '';

  async function merge(keptId: string, foldedId: string) {
    setError(null);
    try {
      const kept = await sendToBackground('contacts.merge', { keptId, foldedId });
      setTicked([]);
      setOpenId(kept.id);
      setGeneration((count) => count + 1);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div className="contacts-section">
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <ContactSearch text={text} stage={stage} total={total} onText={setText} onStage={setStage} />
      {first && second ? (
        <div className="merge-bar" data-testid="merge-bar">
          <p>{t('contactsMergeExplain')}</p>
          <button type="button" data-testid="merge-keep-first" onClick={() => void merge(first, second)}>
            {t('contactsMergeKeep', nameOf(first))}
          </button>
          <button type="button" onClick={() => void merge(second, first)}>
            {t('contactsMergeKeep', nameOf(second))}
          </button>
        </div>
      ) : ticked.length === 1 ? (
        <p className="hint">{t('contactsMergeHint')}</p>
      ) : null}
      <div className="contacts-layout">
        {total === 0 ? <p className="empty" data-testid="contacts-empty">{text || stage ? t('contactsNoMatch') : t('contactsNone')}</p> : null}
        {rows.length > 0 ? <ContactList rows={rows} openId={openId} ticked={ticked} onOpen={setOpenId} onTick={ticks} /> : null}
        {detail && detail.id === openId ? (
          <ContactDetailView
            detail={detail}
            onSaveFacts={async (facts) => {
              try {
                setDetail(await sendToBackground('contact.facts', { contactId: detail.id, facts }));
                setGeneration((count) => count + 1);
              } catch (failure) {
                setError(errorText(failure));
                throw failure;
              }
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
