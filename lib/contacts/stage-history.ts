import { STAGE_HISTORY_MAX, type Contact, type ContactStage, type StageChange } from '@/lib/model';

/** The contact's stage history with a change to `stage` at `at` appended (the oldest dropped past the limit). */
export function withStageChange(contact: Contact, stage: ContactStage, at: string): StageChange[] {
  return [...(contact.stageHistory ?? []), { stage, at }].slice(-STAGE_HISTORY_MAX);
}
