import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import type { Migration } from '@/lib/db/migrations';

let counter = 0;

/** A fresh database per test: fake-indexeddb is process-global, so every test gets its own name. */
export async function freshDb(steps?: readonly Migration[]): Promise<{ db: ReplylineDb; name: string }> {
  const name = `test-${++counter}-${crypto.randomUUID()}`;
  return { db: await openReplylineDb(name, steps), name };
}

/** A clock that only moves when told, so stamps and times are predictable. */
export function manualTime(startIso = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function clockFor(db: ReplylineDb, time = manualTime()) {
  return { clock: await ReplicaClock.load(db, time.now), time };
}
