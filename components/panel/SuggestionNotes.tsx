import type { MessageKey } from '@/lib/i18n/translate';
import type { ReplyNoteView } from '@/lib/views/replies';
import { useLocalisation } from '../i18n';
import { SENSITIVE_KIND_LABEL } from './SensitiveNotice';

export const CLAIM_LABEL: Record<Extract<ReplyNoteView, { claim: unknown }>['claim'], MessageKey> = {
  'checked-order': 'repliesDone_checkedOrder',
  'refund-issued': 'repliesDone_refundIssued',
  'issue-fixed': 'repliesDone_issueFixed',
  'dm-sent': 'repliesDone_dmSent',
};

/** Why the safety gate or the claims check changed or withheld a suggestion, in the agent's words. */
export function SuggestionNotes({ notes }: { notes: ReplyNoteView[] }) {
  const { t } = useLocalisation();
  if (notes.length === 0) return null;
  const line = (note: ReplyNoteView): string => {
    switch (note.code) {
      case 'customer-value':
        return t('repliesNote_customerValue', t(SENSITIVE_KIND_LABEL[note.kind]));
      case 'own-value':
        return t('repliesNote_ownValue', t(SENSITIVE_KIND_LABEL[note.kind]));
      case 'left-out':
        return t('repliesNote_leftOut', note.variable);
      case 'promise':
      case 'unverified':
        return t(`repliesNote_${note.code}`, t(CLAIM_LABEL[note.claim]));
      case 'private-only':
        return t('repliesNote_privateOnly');
      case 'internal-only':
        return t('repliesNote_internalOnly');
    }
  };
  return (
    <ul className="suggestion-notes hint" data-testid="suggestion-notes">
      {notes.map((note, index) => (
        <li key={`${note.code}-${String(index)}`} data-code={note.code}>
          {line(note)}
        </li>
      ))}
    </ul>
  );
}
