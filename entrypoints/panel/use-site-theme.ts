import { useEffect } from 'react';
import { z } from 'zod';

const themeMessageSchema = z.object({ replylineTheme: z.enum(['light', 'dark']) });

/**
 * The host in the page says whether the site is dark. Only the theme is taken from that message
 * (the page itself could post one too; the worst it can do is pick our colours).
 */
export function useSiteTheme(): void {
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const parsed = themeMessageSchema.safeParse(event.data);
      if (parsed.success) document.documentElement.dataset.theme = parsed.data.replylineTheme;
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
}
