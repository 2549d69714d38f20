import type { PageContext, Person } from '../types';
import { isKnownPerson } from './unknown-person';

/** Whether this person is the signed-in account (handles are canonical; compared without case all the same). */
export function isSignedInAccount(person: Person | undefined, me: Person | undefined): boolean {
  return isKnownPerson(person) && isKnownPerson(me) && person.handle.toLowerCase() === me.handle.toLowerCase();
}

const isMe = (person: Person, me: Person | undefined) => isSignedInAccount(person, me);

function someoneElse(person: Person | undefined, me: Person | undefined): Person | undefined {
  return isKnownPerson(person) && !isMe(person, me) ? person : undefined;
}

/**
 * Whom the panel is about on this page: the profile's person; the other party of a conversation;
 * a post's author, or, on our own post, the latest customer who commented; the owner of a list of
 * posts (a Page's posts tab, a member's activity). Other lists and pages have no single subject. On one's own profile the subject is the signed-in account: the panel
 * says so (selfOf) and it never becomes a contact.
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
      // A list that belongs to someone (a Facebook Page's posts tab, a member's activity) is about them.
      return someoneElse(context.person, me);
    case 'other':
      return undefined;
  }
}

/** The signed-in account, when the page's subject is that account (one's own profile). */
export function selfOf(context: PageContext): Person | undefined {
  const subject = subjectOf(context);
  return subject !== undefined && isSignedInAccount(subject, context.me) ? subject : undefined;
}
