/** Group commit: which pushes share a transaction, and that one failing push fails only itself. */
import { describe, expect, it } from 'vitest';
import type { JudgedPush, PushOutcome } from '@/server/src/sync/push';
import { createPushQueue } from '@/server/src/sync/push-queue';

function judged(agentId: string, size: number): JudgedPush {
  return {
    agentId,
    now: new Date(0),
    verdicts: Array.from({ length: size }, () => ({ ok: false as const, rejection: { mutationId: '', status: 'rejected' as const, reason: 'invalid' as const, path: '', message: agentId } })),
  };
}

function outcome(push: JudgedPush, version: number): PushOutcome {
  return { results: [{ mutationId: push.agentId, status: 'applied' }], version, versionChanged: true };
}

describe('push queue', () => {
  it('runs the first push alone, then every push that arrived meanwhile in one transaction, per workspace', async () => {
    const transactions: string[][] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    const queue = createPushQueue(async (workspaceId, pushes) => {
      const version = transactions.push(pushes.map((push) => `${workspaceId}:${push.agentId}`));
      if (version === 1) await first;
      return pushes.map((push) => outcome(push, version));
    }, { maxMutations: 100 });

    const answers = [queue.push('w1', judged('a', 1)), queue.push('w1', judged('b', 1)), queue.push('w1', judged('c', 1)), queue.push('w2', judged('d', 1))];
    await Promise.resolve();
    release();
    const settled = await Promise.all(answers);
    expect(transactions).toEqual([['w1:a'], ['w2:d'], ['w1:b', 'w1:c']]);
    expect(settled.map((answer) => answer.results[0]?.mutationId)).toEqual(['a', 'b', 'c', 'd']);
    expect(settled.map((answer) => answer.version)).toEqual([1, 3, 3, 2]);
  });

  it('keeps a transaction within maxMutations, but never leaves a large push behind', async () => {
    const transactions: number[][] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    const queue = createPushQueue(async (_, pushes) => {
      transactions.push(pushes.map((push) => push.verdicts.length));
      if (transactions.length === 1) await first;
      return pushes.map((push) => outcome(push, 1));
    }, { maxMutations: 10 });
    const answers = [1, 6, 4, 3, 20].map((size, i) => queue.push('w', judged(`p${i}`, size)));
    release();
    await Promise.all(answers);
    expect(transactions).toEqual([[1], [6, 4], [3], [20]]);
  });

  it('retries a failed group push by push, so only the push that fails is refused', async () => {
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const queue = createPushQueue(async (_, pushes) => {
      const call = ++calls;
      if (call === 1) await first;
      if (pushes.some((push) => push.agentId === 'bad')) throw new Error('the database refused bad');
      return pushes.map((push) => outcome(push, call));
    }, { maxMutations: 100 });
    const answers = ['a', 'good', 'bad', 'also-good'].map((agent) => queue.push('w', judged(agent, 1)).then((answer) => answer.results[0]?.mutationId, (error: unknown) => (error instanceof Error ? error.message : String(error))));
    release();
    expect(await Promise.all(answers)).toEqual(['a', 'good', 'the database refused bad', 'also-good']);
    expect(calls).toBe(5);
  });
});
