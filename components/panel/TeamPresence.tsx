import { useId } from 'react';
import type { ConversationTeam } from '@/lib/views/panel';
import { useLocalisation } from '../i18n';
import { useNow } from '../use-now';

/** Presence lapses within a minute: look again often enough that a warning does not outlive it by much. */
const PRESENCE_REFRESH_MS = 10_000;

/**
 * Who else is in this conversation (so that nobody answers the same customer twice) and who owns it,
 * with "Assign to me", "Take over" or "Release".
 */
export function TeamPresence({ team, onAssign }: { team: ConversationTeam; onAssign: (to: 'me' | 'nobody') => void }) {
  const { t } = useLocalisation();
  const nowMs = useNow(PRESENCE_REFRESH_MS);
  const ownerId = useId();
  const here = team.others.filter((other) => Date.parse(other.until) > nowMs);
  const { owner } = team;
  return (
    <div className="team" role="group" aria-label={t('panelTeam')} data-testid="team">
      {here.map((other) => (
        <p
          key={other.agentId}
          className={`presence-warning ${other.activity}`}
          role={other.activity === 'replying' ? 'alert' : 'status'}
          data-testid="presence-warning"
          data-activity={other.activity}
        >
          {t(other.activity === 'replying' ? 'panelTeammateReplying' : 'panelTeammateViewing', other.name)}
        </p>
      ))}
      <div className="owner">
        <span id={ownerId} data-testid="conversation-owner">
          {!owner ? t('panelOwnerNone') : owner.isMe ? t('panelOwnerMe') : t('panelOwner', owner.name ?? t('panelOwnerUnknown'))}
        </span>
        {!owner ? (
          <button type="button" onClick={() => onAssign('me')} aria-describedby={ownerId} data-testid="assign-to-me">
            {t('panelAssignToMe')}
          </button>
        ) : owner.isMe ? (
          <button type="button" onClick={() => onAssign('nobody')} aria-describedby={ownerId} data-testid="release">
            {t('panelRelease')}
          </button>
        ) : (
          <button type="button" onClick={() => onAssign('me')} aria-describedby={ownerId} data-testid="take-over">
            {t('panelTakeOver')}
          </button>
        )}
      </div>
    </div>
  );
}
