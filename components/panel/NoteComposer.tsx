import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NOTE_MAX_LENGTH } from '@/lib/model';
import { useLocalisation } from '../i18n';

const MAX_FOCUS_ATTEMPTS = 60;

interface Props {
  /** Changes each time the note box should take the focus (the keyboard shortcut). */
  focusRequest: number;
  onSave: (body: string) => Promise<void>;
}

export function NoteComposer({ focusRequest, onSave }: Props) {
  const { t } = useLocalisation();
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    // The frame may still be display:none in its own process when the request arrives (it is shown
    // by the page's process), and an element that is not rendered cannot take focus: retry each
    // frame until it can, which is as soon as the frame is on screen.
    let attempts = 0;
    let handle = 0;
    const tryFocus = () => {
      box.current?.focus();
      if (document.activeElement !== box.current && ++attempts < MAX_FOCUS_ATTEMPTS) handle = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(handle);
  }, [focusRequest]);

  async function save() {
    if (!body.trim() || saving) return;
    setSaving(true);
    try {
      await onSave(body);
      setBody('');
    } catch {
      // Kept as typed: the panel shows why it was not saved.
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className="note-composer">
      <textarea
        ref={box}
        data-testid="note-input"
        aria-label={t('panelNoteBoxLabel')}
        placeholder={t('panelNotePlaceholder')}
        value={body}
        maxLength={NOTE_MAX_LENGTH}
        rows={3}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="button" data-testid="note-save" disabled={!body.trim() || saving} onClick={() => void save()}>
        {t('panelSaveNote')}
      </button>
    </div>
  );
}
