import { describe, expect, it } from 'vitest';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { onRecordsChanged, type RecordsChanged } from '@/lib/db/changes';
import { recordSighting } from '@/lib/db/contacts';
import { ensureDefaultPolicies } from '@/lib/db/sla-policies';
import { clockFor, freshDb } from '../db/helpers';

const ada = { handle: 'ada', profileUrl: 'https://www.linkedin.com/in/ada/', displayName: 'Ada' };

describe('erasing all data', () => {
  it('emits the change signal for every cleared store, so panels, badges and timers follow without a hand refresh', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    await ensureDefaultPolicies(db, clock);
    await recordSighting(db, 'linkedin', ada, clock);
    const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
    const heard: RecordsChanged[] = [];
    onRecordsChanged(db, (change) => heard.push(change));

    const answer = await handle({ replyline: 1, type: 'data.erase', payload: { confirmed: true } }, {});
    await changes.settled();

    expect(answer.ok).toBe(true);
    const cleared = heard.find((change) => change.ids.length === 0);
    expect(cleared?.origin).toBe('local');
    expect([...(cleared?.stores ?? [])].sort()).toEqual(
      ['articles', 'contacts', 'conversations', 'followUps', 'identities', 'messages', 'notes', 'slaPolicies', 'templates'],
    );
  });
});
