import { z } from 'zod';

const themeMessageSchema = z.object({ replylineTheme: z.enum(['light', 'dark']) });

/**
 * The host in the page says whether the site is dark, on the frame's load and on every change; this
 * listens from the first script run (before load), so the first message is not missed. Only the theme
 * is taken from it (the page could post one too; the worst it can do is pick our colours).
 */
export function followSiteTheme(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const parsed = themeMessageSchema.safeParse(event.data);
    if (parsed.success) document.documentElement.dataset.theme = parsed.data.replylineTheme;
  });
}
