import type { PageContext, Person } from './types';
import { isKnownPerson } from './unknown-person';

function isMe(person: Person, me: Person | undefined): boolean {
  return me !== undefined && person.handle === me.handle;
}

function someoneElse(person: Person | undefined, me: Person | undefined): Person | undefined {
  return isKnownPerson(person) && !isMe(person, me) ? person : undefined;
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
      return isKnownPerson(context.person) ? context.person : undefined;
    case 'conversation': {
      const others = context.conversation?.participants.filter((person) => someoneElse(person, me)) ?? [];
      const lastIncoming = context.conversation?.messages.findLast(
        (message) => message.direction === 'in' && someoneElse(message.author, me),
      )?.author;
      return someoneElse(context.person, me) ?? others[0] ?? lastIncoming;
    }
    case 'post': {
      const author = someoneElse(context.post?.author ?? context.person, me);
      if (author) return author;
      return context.post?.comments.findLast((comment) => comment.direction === 'in' && someoneElse(comment.author, me))
        ?.author;
    }
    case 'inbox':
    case 'other':
      return undefined;
  }
}
