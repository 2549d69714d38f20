/**
 * The event streams this process holds open, by token and agent, so that revoking either closes its
 * streams at once, a token cannot hold more than its share, and shutdown can end them all cleanly.
 */
export interface OpenStream {
  tokenId: string;
  agentId: string;
  workspaceId: string;
  /** Stops delivery at once (no event goes out after this call), then ends the response. */
  close(): void;
}

export interface StreamRegistry {
  /** Registers a stream; false when its token already holds `maxPerToken` open streams. */
  add(stream: OpenStream): boolean;
  remove(stream: OpenStream): void;
  closeWhere(match: (stream: OpenStream) => boolean): number;
  count(): number;
}

export function createStreamRegistry(maxPerToken: number): StreamRegistry {
  const streams = new Set<OpenStream>();
  return {
    add(stream) {
      let held = 0;
      for (const open of streams) if (open.tokenId === stream.tokenId) held++;
      if (held >= maxPerToken) return false;
      streams.add(stream);
      return true;
    },
    remove(stream) {
      streams.delete(stream);
    },
    closeWhere(match) {
      let closed = 0;
      for (const stream of [...streams]) {
        if (!match(stream)) continue;
        streams.delete(stream);
        stream.close();
        closed++;
      }
      return closed;
    },
    count: () => streams.size,
  };
}
