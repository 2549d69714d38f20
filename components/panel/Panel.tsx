import type { ReactNode } from 'react';
import type { ContactStage, Priority } from '@/lib/model';
import type { ContactFacts } from '@/lib/views/contacts';
import type { PanelView } from '@/lib/views/panel';
import { recognitionGaps } from '@/lib/sites/shared/recognition';
import { useLocalisation } from '../i18n';
import { ContactFactsSection } from './ContactFactsSection';
import { ConversationClocks } from './ConversationClocks';
import { NoteComposer } from './NoteComposer';
import { NoteList } from './NoteList';
import { PersonHeader, SelfHeader } from './PersonHeader';
import { StageAndTags } from './StageAndTags';

export interface PanelActions {
  onCollapse: () => void;
  onStageChange: (stage: ContactStage) => void;
  onTagsChange: (tags: string[]) => void;
  onFactsChange: (facts: ContactFacts) => Promise<void>;
  onAddNote: (body: string) => Promise<void>;
  onEditNote: (noteId: string, body: string) => Promise<void>;
  onDeleteNote: (noteId: string) => Promise<void>;
  onTrack: () => void;
  onMarkReplied: (conversationId: string) => void;
  onResolve: (conversationId: string) => void;
  onReopen: (conversationId: string) => void;
  onSnooze: (conversationId: string, until: Date) => void;
  onAfterHoursAck: (conversationId: string, text: string) => void;
  /** "Assign to me" / "Take over" (me) or "Release" (nobody); only offered with a team backend. */
  onAssign: (conversationId: string, to: 'me' | 'nobody') => void;
  /** Set by hand: automatic routing never lowers it. */
  onPriority: (conversationId: string, priority: Priority) => void;
}

interface Props extends PanelActions {
  view: PanelView | null;
  error: string | null;
  focusRequest: number;
  /** The reply help (suggestions, sensitive content, Move to DM), rendered by the panel's entrypoint. */
  replyHelp?: ReactNode;
  /** "Same person as…" and the history across sites, rendered by the panel's entrypoint. */
  contactExtras?: ReactNode;
}

export function Panel({ view, error, focusRequest, replyHelp, contactExtras, ...actions }: Props) {
  const { t } = useLocalisation();
  const gaps = view?.page ? recognitionGaps(view.page) : [];
  return (
    // The panel is its own document (a frame): its main landmark, named by its one level-one heading (axe's landmark and heading rules).
    <main className="panel" aria-labelledby="panel-title">
      <div className="panel-bar">
        <h1 id="panel-title" className="brand">
          {t('panelTitle')}
        </h1>
        <button type="button" className="icon" aria-label={t('panelCollapse')} onClick={actions.onCollapse}>
          ×
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {t('panelError', error)}
        </p>
      ) : null}
      {gaps.length > 0 ? (
        <p className="degraded" data-testid="degraded" title={gaps.join(', ')}>
          {t('panelPartlyRecognised')}
        </p>
      ) : null}
      {!view ? (
        <p className="empty">{t('loading')}</p>
      ) : view.self && !view.contact ? (
        <SelfHeader person={view.self} />
      ) : !view.contact ? (
        <p className="empty" data-testid="no-person">
          {t('panelNoPerson')}
        </p>
      ) : (
        <>
          <PersonHeader person={view.person} contact={view.contact} />
          <StageAndTags contact={view.contact} knownTags={view.knownTags} onStageChange={actions.onStageChange} onTagsChange={actions.onTagsChange} />
          <ContactFactsSection contact={view.contact} onSave={actions.onFactsChange} />
          {contactExtras}
          <ConversationClocks conversations={view.conversations} canTrack={view.canTrack} actions={actions} />
          {replyHelp}
          <section className="notes-section" aria-labelledby="notes-heading">
            <h3 id="notes-heading">{t('panelNotes')}</h3>
            <NoteComposer focusRequest={focusRequest} onSave={actions.onAddNote} />
            <NoteList notes={view.notes} onEdit={actions.onEditNote} onDelete={actions.onDeleteNote} />
          </section>
        </>
      )}
    </main>
  );
}
