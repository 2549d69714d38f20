import { openDB, type IDBPDatabase } from 'idb';
import { assertOrdered, latestVersion, migrations as productMigrations, type Migration } from './migrations';
import { DB_NAME, type ReplylineSchema } from './schema';

export type ReplylineDb = IDBPDatabase<ReplylineSchema>;

/** Opens (and upgrades) the database. Only the background calls this. */
export async function openReplylineDb(
  name: string = DB_NAME,
  steps: readonly Migration[] = productMigrations,
): Promise<ReplylineDb> {
  assertOrdered(steps);
  let failure: unknown;
  const db = await openDB<ReplylineSchema>(name, latestVersion(steps), {
    upgrade(database, oldVersion, newVersion, tx) {
      const runSteps = async () => {
        for (const step of steps) {
          if (step.version > oldVersion && step.version <= (newVersion ?? step.version)) {
            await step.upgrade(database, tx);
          }
        }
      };
      runSteps().catch((error: unknown) => {
        failure = error;
        tx.done.catch(() => undefined); // the open request reports the failure below
        tx.abort();
      });
    },
    blocking(_current, _blocked, event) {
      // A newer version of the extension wants to upgrade: step aside.
      (event.target as IDBDatabase).close();
    },
  }).catch((error: unknown) => {
    throw failure ?? error;
  });
  return db;
}
