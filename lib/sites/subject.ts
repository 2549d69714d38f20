import type { PageContext, Person } from './types';

function isMe(person: Person, me: Person | undefined): boolean {
  return me !== undefined && person.handle === me.handle;
}

/**
 * Whom the panel is about on this page: the profile's person; the other party of a conversation;
 * a post's author, or, on our own post, the latest customer who commented. Inbox lists and other
 * pages have no single subject.
 */
export function subjectOf(context: PageContext): Person | undefined {
  const { me } = context;
  switch (context.kind) {
    case 'profile':
      return context.person;
    case 'conversation': {
      const others = context.conversation?.participants.filter((person) => !isMe(person, me)) ?? [];
      const lastIncoming = context.conversation?.messages.findLast((message) => message.direction === 'in')?.author;
      return context.person ?? others[0] ?? lastIncoming;
    }
    case 'post': {
      const author = context.post?.author ?? context.person;
      if (author && !isMe(author, me)) return author;
      return context.post?.comments.findLast((comment) => comment.direction === 'in' && !isMe(comment.author, me))
        ?.author;
    }
    case 'inbox':
    case 'other':
      return undefined;
  }
}
