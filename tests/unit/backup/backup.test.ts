import { describe, expect, it } from 'vitest';
import { contacts } from '@/lib/db/contacts';
import { outboxSize } from '@/lib/db/outbox';
import { backupToJson, exportBackup } from '@/lib/backup/export';
import { checkBackup, describeBackupIssue, parseBackupJson, restoreBackup } from '@/lib/backup/restore';
import { backupStores, type Backup } from '@/lib/backup/schema';
import type { Settings } from '@/lib/model';
import { clockFor, freshDb, manualTime } from '../db/helpers';
import { seedEveryStore } from './seed';

const settings: Settings = { language: 'ja', panelCollapsed: true, agentName: 'Mika' };

async function seededBackup() {
  const { db } = await freshDb();
  const time = manualTime();
  const { clock } = await clockFor(db, time);
  const seeded = await seedEveryStore(db, clock, (ms) => time.advance(ms));
  return { db, clock, time, seeded, backup: await exportBackup(db, settings) };
}

/** A backup as it comes back from a file. */
function throughJson(backup: Backup): unknown {
  return JSON.parse(backupToJson(backup));
}

const withoutTime = (backup: Backup) => ({ ...backup, exportedAt: 'any time' });

describe('exportBackup', () => {
  it('holds every synced store with tombstones and stamps, the settings and the schema version', async () => {
    const { db, backup, seeded } = await seededBackup();
    expect(backup).toMatchObject({ format: 'replyline-backup', version: 1, dbVersion: db.version, settings });
    expect(Object.keys(backup.stores).sort()).toEqual([...backupStores].sort());
    for (const store of backupStores) expect(backup.stores[store].length, store).toBeGreaterThan(0);
    expect(backup.stores.notes.filter((note) => note.deletedAt !== null)).toHaveLength(1);
    const ada = backup.stores.contacts.find((contact) => contact.id === seeded.ada.contact.id);
    expect(ada?.stamps.stage).toMatch(/^\d{15}:\d{6}:/);
  });
});

describe('restoreBackup', () => {
  it('round-trips: export, restore into a fresh database, export again gives the same backup', async () => {
    const { backup } = await seededBackup();
    const { db: fresh } = await freshDb();

    const restored = await restoreBackup(fresh, throughJson(backup));

    const total = backupStores.reduce((sum, store) => sum + backup.stores[store].length, 0);
    expect(restored).toEqual({ ok: true, settings, written: total, unchanged: 0 });
    expect(withoutTime(await exportBackup(fresh, settings))).toEqual(withoutTime(backup));
    expect(await outboxSize(fresh)).toBe(total);
  });

  it('is idempotent: restoring the same backup again writes nothing', async () => {
    const { backup } = await seededBackup();
    const { db: fresh } = await freshDb();
    await restoreBackup(fresh, throughJson(backup));
    const outbox = await outboxSize(fresh);

    const again = await restoreBackup(fresh, throughJson(backup));

    expect(again).toMatchObject({ ok: true, written: 0 });
    expect(await outboxSize(fresh)).toBe(outbox);
    expect(withoutTime(await exportBackup(fresh, settings))).toEqual(withoutTime(backup));
  });

  it('merges into a database that has moved on: newer local fields stay, older ones take the backup', async () => {
    const { db, clock, time, backup, seeded } = await seededBackup();
    time.advance(60_000);
    await contacts.update(db, seeded.ada.contact.id, { company: 'Analytical Engines' }, clock);
    // The backup's copy of Grace is edited "later" on another device.
    const graceInBackup = backup.stores.contacts.find((contact) => contact.id === seeded.grace.contact.id)!;
    const laterStamp = `${String(Date.parse('2026-03-03T00:00:00.000Z')).padStart(15, '0')}:000000:other-device`;
    graceInBackup.company = 'Navy';
    graceInBackup.stamps = { ...graceInBackup.stamps, company: laterStamp };

    const result = await restoreBackup(db, throughJson(backup));

    expect(result).toMatchObject({ ok: true, written: 1 });
    expect((await contacts.get(db, seeded.ada.contact.id))?.company).toBe('Analytical Engines');
    const grace = await contacts.get(db, seeded.grace.contact.id);
    expect(grace).toMatchObject({ company: 'Navy', stamps: { company: laterStamp } });
  });

  it('keeps later local writes after restored stamps', async () => {
    const { backup } = await seededBackup();
    const { db: fresh } = await freshDb();
    await restoreBackup(fresh, throughJson(backup));
    // This device's wall clock is behind the one that made the backup.
    const { clock } = await clockFor(fresh, manualTime('2020-01-01T00:00:00.000Z'));
    const id = backup.stores.contacts[0]!.id;
    const before = (await contacts.get(fresh, id))!;
    const edited = await contacts.update(fresh, id, { stage: 'churned' }, clock);
    expect(edited.stamps.stage! > before.stamps.stage!).toBe(true);
  });

  it('checks every record and names store, index and path, writing nothing', async () => {
    const { backup } = await seededBackup();
    const raw = throughJson(backup) as { stores: Record<string, Array<Record<string, unknown>>> };
    raw.stores.contacts![0]!.stage = 'friend';
    (raw.stores.identities![1]!.stamps as Record<string, unknown>).handle = 'yesterday';
    const { db: fresh } = await freshDb();

    const result = await restoreBackup(fresh, raw);

    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.issues.map(describeBackupIssue);
    expect(lines).toEqual([expect.stringMatching(/^contacts\[0\]\.stage: /), 'identities[1].stamps.handle: not a hybrid-logical-clock stamp']);
    expect(await fresh.count('contacts')).toBe(0);
  });

  it('refuses what is not a backup, a newer version and broken JSON', async () => {
    expect(checkBackup({ format: 'something-else' }, 1)).toMatchObject({ ok: false });
    const { backup } = await seededBackup();
    const newer = checkBackup({ ...throughJson(backup) as object, dbVersion: 99 }, 1);
    expect(newer.ok ? [] : newer.issues.map(describeBackupIssue)).toEqual([expect.stringContaining('newer Replyline')]);
    const broken = parseBackupJson('{"format":', 1);
    expect(broken.ok ? [] : broken.issues.map(describeBackupIssue)).toEqual([expect.stringMatching(/^not JSON: /)]);
  });

  it('reports a record that clashes with another on a unique key, and leaves nothing behind', async () => {
    const { backup } = await seededBackup();
    const { db } = await freshDb();
    const time = manualTime();
    const { clock } = await clockFor(db, time);
    await seedEveryStore(db, clock, (ms) => time.advance(ms)); // same people, other ids
    const counts = await db.count('contacts');
    const outbox = await outboxSize(db);

    const result = await restoreBackup(db, throughJson(backup));

    expect(result.ok ? [] : result.issues.map(describeBackupIssue)).toEqual([expect.stringMatching(/^\w+\[\d\]: another record/)]);
    expect(await db.count('contacts')).toBe(counts);
    expect(await outboxSize(db)).toBe(outbox);
  });
});
