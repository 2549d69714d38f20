/**
 * What the reply help of a tab is for: the latest message or comment from them on the page, or the
 * post itself. Kept per tab in session storage, straight from the page the content script read.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { personSchema, type PageContext, type Person } from '@/lib/model';
import { focusText } from '@/lib/replies/focus-text';
import { isKnownPerson } from '@/lib/sites/shared/unknown-person';

const MAX_CUSTOMER_TEXTS = 60;
const MAX_CUSTOMER_TEXT_CHARS = 4_000;
const MAX_CHOICES = 8;

export const replySubjectSchema = z.object({
  /** What to answer, cut to what matters (focusText). */
  text: z.string(),
  author: personSchema,
  source: z.enum(['message', 'comment', 'post']),
  url: z.string(),
  /** Everything people other than us wrote on the page (capped): what the safety gate must not repeat in public. */
  customerTexts: z.array(z.string()).default([]),
  /** The message before it in the thread (either side's), cut to what matters: what a short follow-up is about. */
  previous: z.string().optional(),
  /** Other messages or comments the agent may choose to answer instead, latest first. */
  choices: z.array(z.object({ text: z.string(), author: personSchema, source: z.enum(['message', 'comment', 'post']) })).default([]),
});
export type ReplySubject = z.infer<typeof replySubjectSchema>;

const itemFor = (tabId: number) => storage.defineItem<unknown>(`session:replies-subject-${tabId}`);

const sameHandle = (a: Person | undefined, b: Person | undefined) => a !== undefined && b !== undefined && a.handle.toLowerCase() === b.handle.toLowerCase();

/** The latest words from someone other than us on the page: a message of the conversation, a comment, or the post. */
export function subjectOfPage(context: PageContext, url: string): ReplySubject | null {
  const theirs = (item: { author: Person; direction: 'in' | 'out'; text: string }) =>
    item.direction === 'in' && !sameHandle(item.author, context.me) && item.text.trim() !== '';
  const post = context.post;
  const incoming = [...(context.conversation?.messages ?? []), ...(post?.comments ?? [])].filter(theirs);
  const customerTexts = [...incoming.map((item) => item.text), ...(post && !sameHandle(post.author, context.me) ? [post.text] : [])]
    .slice(-MAX_CUSTOMER_TEXTS)
    .map((text) => text.slice(0, MAX_CUSTOMER_TEXT_CHARS));
  const thread = context.conversation?.messages ?? [];
  const at = thread.findLastIndex(theirs);
  const message = thread[at];
  if (message) {
    const author = isKnownPerson(message.author) ? message.author : (context.person ?? message.author);
    const before = thread.slice(0, at).findLast((item) => item.text.trim() !== '');
    const previous = before ? { previous: focusText(before.text, 'message') } : {};
    return { text: focusText(message.text, 'message'), author, source: 'message', url, customerTexts, ...previous, choices: [] };
  }
  if (!post) return null;
  const comments = post.comments.filter(theirs);
  const choices = comments
    .slice(-MAX_CHOICES)
    .reverse()
    .map((comment) => ({ text: focusText(comment.text, 'comment'), author: comment.author, source: 'comment' as const }));
  const comment = comments.at(-1);
  if (comment) {
    // A comment answers the comment before it, or the post when it is the first.
    const before = post.comments.slice(0, post.comments.lastIndexOf(comment)).findLast((item) => item.text.trim() !== '');
    const previousText = before ? focusText(before.text, 'comment') : post.text.trim() !== '' ? focusText(post.text, 'post') : '';
    const previous = previousText !== '' ? { previous: previousText } : {};
    return { text: focusText(comment.text, 'comment'), author: comment.author, source: 'comment', url, customerTexts, ...previous, choices };
  }
  if (post.text.trim() !== '' && !sameHandle(post.author, context.me)) {
    return { text: focusText(post.text, 'post'), author: post.author, source: 'post', url, customerTexts, choices: [] };
  }
  return null;
}

/** The subject with the agent's choice of message applied (`choice` indexes `choices`). */
export function chosenSubject(subject: ReplySubject | null, choice: number | undefined): ReplySubject | null {
  const chosen = subject && choice !== undefined ? subject.choices[choice] : undefined;
  if (!subject || !chosen) return subject;
  // The chosen message's own predecessor is not kept: better none than the wrong one.
  const chosenSubject: ReplySubject = { ...subject, text: chosen.text, author: chosen.author, source: chosen.source };
  delete chosenSubject.previous;
  return chosenSubject;
}

export async function readReplySubject(tabId: number): Promise<ReplySubject | null> {
  const parsed = replySubjectSchema.nullable().safeParse(await itemFor(tabId).getValue());
  return parsed.success ? parsed.data : null;
}

export async function writeReplySubject(tabId: number, subject: ReplySubject | null): Promise<void> {
  await itemFor(tabId).setValue(subject);
}
