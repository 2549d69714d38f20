import type { Page } from 'playwright-core';

/** The part of the extension API the page's evaluate calls below use. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> };
};

/**
 * Sends one request to the background from an extension page (options, popup), as the page's own code
 * does, and gives the answer's data, or throws with the background's error message.
 */
export async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const answer = await page.evaluate(({ type, payload }) => chrome.runtime.sendMessage({ replyline: 1, type, payload }), { type, payload });
  if (!answer.ok) throw new Error(`${type}: ${answer.error?.message ?? 'failed'}`);
  return answer.data as T;
}

/** Records to add to the stores, by store name, as a backup holds them. */
export type SeedRecords = Partial<Record<'conversations' | 'messages', unknown[]>>;

/**
 * Adds records to the database the way a user would bring them in: a backup of what is there, the records
 * added, and that backup restored. Fails the test when the restore reports any issue.
 */
export async function addThroughBackup(page: Page, records: SeedRecords): Promise<{ written: number }> {
  const { json } = await ask<{ json: string }>(page, 'backup.export', {});
  const backup = JSON.parse(json) as { stores: Record<string, unknown[] | undefined> };
  for (const [store, added] of Object.entries(records)) {
    const existing = backup.stores[store] ?? [];
    existing.push(...added);
    backup.stores[store] = existing;
  }
  const restored = await ask<{ ok: boolean; written?: number; issues?: string[] }>(page, 'backup.restore', { json: JSON.stringify(backup) });
  if ((restored.issues ?? []).length > 0 || !restored.ok) {
    throw new Error(`backup.restore: ${(restored.issues ?? ['not ok']).join('; ')}`);
  }
  return { written: restored.written ?? 0 };
}
