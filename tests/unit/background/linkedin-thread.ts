import type { PageContext } from '@/lib/model';

/** A LinkedIn DM thread in which Mariana asks about her invoice: the page context the content script reports. */
export const threadUrl = 'https://www.linkedin.com/messaging/thread/2-abc/';
export const mariana = { handle: 'mariana-hohot', profileUrl: 'https://www.linkedin.com/in/mariana-hohot/', displayName: 'Mariana Hohot' };
export const marianasThread: PageContext = {
  site: 'linkedin',
  kind: 'conversation',
  person: mariana,
  conversation: {
    threadKey: '2-abc',
    participants: [mariana],
    messages: [{ author: mariana, direction: 'in', text: 'Is there an update on my invoice?', at: '2026-03-02T08:59:00.000Z' }],
  },
  misses: [],
};
