/**
 * What the reply help of a tab is for: the latest message or comment from them on the page, or the
 * post itself. Kept per tab in session storage, straight from the page the content script read.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { personSchema, type PageContext, type Person } from '@/lib/model';
import { isKnownPerson } from '@/lib/sites/unknown-person';

export const replySubjectSchema = z.object({
  text: z.string(),
  author: personSchema,
  source: z.enum(['message', 'comment', 'post']),
  url: z.string(),
});
export type ReplySubject = z.infer<typeof replySubjectSchema>;

const itemFor = (tabId: number) => storage.defineItem<unknown>(`session:replies-subject-${tabId}`);

const sameHandle = (a: Person | undefined, b: Person | undefined) => a !== undefined && b !== undefined && a.handle.toLowerCase() === b.handle.toLowerCase();

/** The latest words from someone other than us on the page: a message of the conversation, a comment, or the post. */
export function subjectOfPage(context: PageContext, url: string): ReplySubject | null {
  const theirs = (item: { author: Person; direction: 'in' | 'out'; text: string }) =>
    item.direction === 'in' && !sameHandle(item.author, context.me) && item.text.trim() !== '';
  const message = context.conversation?.messages.findLast(theirs);
  if (message) {
    const author = isKnownPerson(message.author) ? message.author : (context.person ?? message.author);
    return { text: message.text, author, source: 'message', url };
  }
  const post = context.post;
  if (!post) return null;
  const comment = post.comments.findLast(theirs);
  if (comment) return { text: comment.text, author: comment.author, source: 'comment', url };
  if (post.text.trim() !== '' && !sameHandle(post.author, context.me)) return { text: post.text, author: post.author, source: 'post', url };
  return null;
}

export async function readReplySubject(tabId: number): Promise<ReplySubject | null> {
  const parsed = replySubjectSchema.nullable().safeParse(await itemFor(tabId).getValue());
  return parsed.success ? parsed.data : null;
}

export async function writeReplySubject(tabId: number, subject: ReplySubject | null): Promise<void> {
  await itemFor(tabId).setValue(subject);
}
