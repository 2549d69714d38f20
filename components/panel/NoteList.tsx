import { useState } from 'react';
import type { NoteView } from '@/lib/views/panel';
import { formatDayAndTime, useLocalisation } from '../i18n';

interface Props {
  notes: NoteView[];
  onEdit: (noteId: string, body: string) => Promise<void>;
  onDelete: (noteId: string) => Promise<void>;
}

export function NoteList({ notes, onEdit, onDelete }: Props) {
  const { t } = useLocalisation();
  if (notes.length === 0) return <p className="empty">{t('panelNoNotes')}</p>;
  return (
    <ol className="notes" data-testid="notes">
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} onEdit={onEdit} onDelete={onDelete} />
      ))}
    </ol>
  );
}

function NoteItem({ note, onEdit, onDelete }: { note: NoteView } & Omit<Props, 'notes'>) {
  const { t, language } = useLocalisation();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (editing !== null) {
    return (
      <li className="note editing">
        <textarea aria-label={t('panelEditNote')} value={editing} onChange={(event) => setEditing(event.target.value)} rows={3} />
        <div className="note-actions">
          <button
            type="button"
            disabled={!editing.trim()}
            onClick={() => void onEdit(note.id, editing).then(() => setEditing(null), () => undefined)}
          >
            {t('panelSave')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('panelCancel')}
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className="note" data-testid="note">
      {/* Rendered as text: a note is never HTML. */}
      <p className="note-body">{note.body}</p>
      <div className="note-meta">
        <time dateTime={note.createdAt}>{formatDayAndTime(note.createdAt, language)}</time>
        {note.updatedAt !== note.createdAt ? <span> · {t('panelEdited')}</span> : null}
      </div>
      <div className="note-actions">
        {confirming ? (
          <>
            <span>{t('panelConfirmDelete')}</span>
            <button type="button" className="danger" onClick={() => void onDelete(note.id)}>
              {t('panelDeleteNote')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('panelCancel')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => setEditing(note.body)}>
              {t('panelEditNote')}
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              {t('panelDeleteNote')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
