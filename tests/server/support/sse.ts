/** A parsed server-sent event, or a comment line (`: ping`). */
export type SseFrame = { kind: 'event'; event: string; data: string } | { kind: 'comment'; text: string };

/**
 * Reads frames off an event-stream body as they arrive; `next` waits for the first frame that
 * matches, failing after `timeoutMs`.
 */
export function readSse(body: ReadableStream<Uint8Array>): {
  next(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  frames: SseFrame[];
  closed: Promise<void>;
} {
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffer = '';

  const closed = (async () => {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          frames.push(...parseBlock(block));
          for (const wake of waiters) wake();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by the test: the stream is over.
    } finally {
      for (const wake of waiters) wake();
    }
  })();

  let consumed = 0;
  async function next(match: (frame: SseFrame) => boolean, timeoutMs = 10_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (consumed < frames.length) {
        const frame = frames[consumed++]!;
        if (match(frame)) return frame;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, remaining);
        waiters.add(wake);
      });
    }
  }
  return { next, frames, closed };
}

function parseBlock(block: string): SseFrame[] {
  const frames: SseFrame[] = [];
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frames.push({ kind: 'comment', text: line.slice(1).trim() });
    else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length > 0) frames.push({ kind: 'event', event, data: data.join('\n') });
  return frames;
}

export const isEvent =
  (name: string) =>
  (frame: SseFrame): frame is Extract<SseFrame, { kind: 'event' }> =>
    frame.kind === 'event' && frame.event === name;
