/**
 * The part of a message worth answering: a comment or message as written (long ones cut at a
 * sentence), a post or article summarised to its first lines, never taken whole.
 */
const MESSAGE_LIMIT = 1_000;
const POST_LIMIT = 280;
const SENTENCE_END = /[.!?。！？](?=\s|$)|[。！？]/gu;

function cutAtSentence(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = -1;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    cut = end;
  }
  if (cut >= limit / 3) return `${text.slice(0, cut).trim()} …`;
  const space = text.lastIndexOf(' ', limit);
  return `${text.slice(0, space > limit / 2 ? space : limit).trim()}…`;
}

export function focusText(text: string, source: 'message' | 'comment' | 'post'): string {
  const flat = text.replace(/[\u2060\u200b\u2800]/g, '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  if (source !== 'post') return cutAtSentence(flat, MESSAGE_LIMIT);
  // A post: its first lines (a headline and the start of the text), on one line.
  const firstLines = flat.split('\n').filter((line) => line.trim() !== '').slice(0, 3).join(' ');
  return cutAtSentence(firstLines, POST_LIMIT);
}
