import type { PageContext, PageMessage, Person, Site } from '@/lib/model/page-context';
import { isKnownPerson } from '@/lib/sites/shared/unknown-person';

/** One conversation as a page shows it: whom it is with and what was said, oldest first. */
export interface CapturedThread {
  site: Site;
  threadKey: string;
  kind: 'conversation' | 'post' | 'comment';
  url: string;
  /** The customer's side: the other party, the post's author, or the commenter. */
  person: Person | undefined;
  messages: PageMessage[];
  /**
   * Where it was read. An inbox row shows only an excerpt: it may start a clock (unread) but is
   * replaced by the real messages once the thread itself is read.
   */
  source: 'thread' | 'inbox-row';
}

function sameHandle(a: Person | undefined, b: Person | undefined): boolean {
  return a !== undefined && b !== undefined && a.handle.toLowerCase() === b.handle.toLowerCase();
}

function mentions(text: string, me: Person): boolean {
  const handle = me.handle.toLowerCase();
  return new RegExp(`(^|[^\\w@])@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'i').test(text);
}

function fromConversation(context: PageContext, url: string): CapturedThread[] {
  const { conversation, me } = context;
  if (!conversation) return [];
  const others = conversation.participants.filter((person) => isKnownPerson(person) && !sameHandle(person, me));
  const lastIncoming = conversation.messages.findLast((message) => message.direction === 'in')?.author;
  const person = [context.person, ...others, lastIncoming].find(
    (candidate) => isKnownPerson(candidate) && !sameHandle(candidate, me),
  );
  return [{ site: context.site, threadKey: conversation.threadKey, kind: 'conversation', url, person, messages: conversation.messages, source: 'thread' }];
}

/**
 * On our own post every commenter is a customer waiting on us: one thread each, holding their comments
 * and the replies of ours that follow them (a flat list puts a reply after the comment it answers).
 */
function commentThreadsOnOwnPost(context: PageContext, url: string, me: Person): CapturedThread[] {
  const post = context.post;
  if (!post) return [];
  const threads = new Map<string, CapturedThread>();
  let lastCustomer: CapturedThread | undefined;
  for (const comment of post.comments) {
    const ours = comment.direction === 'out' || sameHandle(comment.author, me);
    if (ours) {
      lastCustomer?.messages.push({ ...comment, direction: 'out' });
      continue;
    }
    if (!isKnownPerson(comment.author)) continue;
    const key = `${post.threadKey}/comment/${comment.author.handle.toLowerCase()}`;
    const thread = threads.get(key) ?? { site: context.site, threadKey: key, kind: 'comment', url, person: comment.author, messages: [], source: 'thread' };
    thread.messages.push({ ...comment, direction: 'in' });
    threads.set(key, thread);
    lastCustomer = thread;
  }
  return [...threads.values()];
}

/**
 * Someone else's post is ours to answer when we took part (a comment of ours) or it mentions us;
 * a comment elsewhere that mentions us is a thread with its commenter.
 */
function threadsOnOthersPost(context: PageContext, url: string, me: Person): CapturedThread[] {
  const post = context.post;
  if (!post) return [];
  const threads: CapturedThread[] = [];
  const author = isKnownPerson(post.author) ? post.author : undefined;
  const weTookPart = post.comments.some((comment) => comment.direction === 'out' || sameHandle(comment.author, me));
  if (author && (weTookPart || mentions(post.text, me))) {
    const messages: PageMessage[] = [{ author, direction: 'in', text: post.text, ...(post.at ? { at: post.at } : {}) }];
    for (const comment of post.comments) {
      if (sameHandle(comment.author, me) || comment.direction === 'out') messages.push({ ...comment, direction: 'out' });
      else if (sameHandle(comment.author, author)) messages.push({ ...comment, direction: 'in' });
    }
    threads.push({ site: context.site, threadKey: post.threadKey, kind: 'post', url, person: author, messages, source: 'thread' });
  }
  for (const comment of post.comments) {
    if (sameHandle(comment.author, author) || sameHandle(comment.author, me) || !isKnownPerson(comment.author)) continue;
    if (!mentions(comment.text, me)) continue;
    const key = `${post.threadKey}/comment/${comment.author.handle.toLowerCase()}`;
    const existing = threads.find((thread) => thread.threadKey === key);
    if (existing) existing.messages.push({ ...comment, direction: 'in' });
    else threads.push({ site: context.site, threadKey: key, kind: 'comment', url, person: comment.author, messages: [{ ...comment, direction: 'in' }], source: 'thread' });
  }
  return threads;
}

/** A list row of our own (our post in a feed, our own activity) is never a customer waiting on us. */
function fromInbox(context: PageContext, url: string): CapturedThread[] {
  const rows = (context.inbox ?? []).filter((row) => !sameHandle(row.person, context.me));
  return rows.map((row) => ({
    site: context.site,
    threadKey: row.threadKey,
    kind: 'conversation' as const,
    url,
    person: isKnownPerson(row.person) ? row.person : undefined,
    messages: row.unread ? [{ author: row.person, direction: 'in' as const, text: row.excerpt, ...(row.at ? { at: row.at } : {}) }] : [],
    source: 'inbox-row' as const,
  }));
}

/**
 * The conversations a page shows that may be waiting on us. Without knowing who is signed in a page
 * cannot tell our comments from a customer's, so posts are captured only when it does; a DM thread
 * always involves us. Profiles and unrelated posts are tracked by hand.
 */
export function threadsFromPage(context: PageContext, url: string): CapturedThread[] {
  switch (context.kind) {
    case 'conversation':
      return fromConversation(context, url);
    case 'inbox':
      return fromInbox(context, url);
    case 'post': {
      const { me, post } = context;
      if (!me || !isKnownPerson(me) || !post) return [];
      return sameHandle(post.author, me) ? commentThreadsOnOwnPost(context, url, me) : threadsOnOthersPost(context, url, me);
    }
    case 'profile':
    case 'other':
      return [];
  }
}
