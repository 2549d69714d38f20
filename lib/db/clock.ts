import { formatHlc, receive, receiveWallTime, tick, type HlcState, type HlcStamp } from '@/lib/sync/hlc';
import type { ReplylineDb } from './open';

const CLIENT_ID_KEY = 'clientId';
const HLC_KEY = 'hlc';

/** The replica's hybrid logical clock, persisted in `meta` so it never runs backwards across restarts. */
export class ReplicaClock {
  private constructor(
    readonly clientId: string,
    private state: HlcState,
    private readonly now: () => number,
  ) {}

  static async load(db: ReplylineDb, now: () => number = Date.now): Promise<ReplicaClock> {
    const tx = db.transaction('meta', 'readwrite');
    const savedId: unknown = await tx.store.get(CLIENT_ID_KEY);
    const clientId = typeof savedId === 'string' ? savedId : crypto.randomUUID();
    if (clientId !== savedId) await tx.store.put(clientId, CLIENT_ID_KEY);
    const saved = (await tx.store.get(HLC_KEY)) as Partial<HlcState> | undefined;
    await tx.done;
    const state =
      typeof saved?.wallMs === 'number' && typeof saved.counter === 'number'
        ? { wallMs: saved.wallMs, counter: saved.counter }
        : { wallMs: 0, counter: 0 };
    return new ReplicaClock(clientId, state, now);
  }

  /** A fresh stamp for a local write. The caller saves `snapshot()` in the write's transaction. */
  next(): HlcStamp {
    this.state = tick(this.state, this.now());
    return formatHlc(this.state, this.clientId);
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  snapshot(): { key: string; value: HlcState } {
    return { key: HLC_KEY, value: { ...this.state } };
  }

  /** Folds a stamp from another replica in, so later local stamps sort after it. Save `snapshot()` with it. */
  observe(remote: HlcStamp): void {
    this.state = receive(this.state, remote, this.now());
  }

  /** Adopts the team server's clock reading when it is ahead of this one. Save `snapshot()` with it. */
  observeServerTime(serverMs: number): void {
    this.state = receiveWallTime(this.state, serverMs, this.now());
  }

  /** The clock's state, for tests and diagnostics. */
  get current(): HlcState {
    return { ...this.state };
  }
}
