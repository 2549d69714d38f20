import { describe, expect, it } from 'vitest';
import { selfOf, subjectOf } from '@/lib/sites/shared/subject';
import type { PageContext, Person } from '@/lib/sites/types';

const person = (handle: string): Person => ({ handle, profileUrl: `https://x.com/${handle}`, displayName: handle });
const brand = person('acme');
const ana = person('ana');
const ben = person('ben');

describe('subjectOf', () => {
  it('is the person of a profile', () => {
    expect(subjectOf({ site: 'linkedin', kind: 'profile', person: ana, misses: [] })).toBe(ana);
  });

  it('is the other party of a conversation', () => {
    const context: PageContext = {
      site: 'x',
      kind: 'conversation',
      me: brand,
      conversation: { threadKey: 'x:dm:1-2', participants: [brand, ana], messages: [] },
      misses: [],
    };
    expect(subjectOf(context)).toBe(ana);
  });

  it('is a post’s author, unless the post is ours: then the latest customer who commented', () => {
    const comments = [
      { author: ana, direction: 'in' as const, text: 'Where is my order?' },
      { author: brand, direction: 'out' as const, text: 'Looking into it' },
      { author: ben, direction: 'in' as const, text: 'Same here' },
    ];
    const theirs: PageContext = {
      site: 'x',
      kind: 'post',
      me: brand,
      post: { threadKey: 'x:status:1', author: ana, text: 'Broken again', comments: [] },
      misses: [],
    };
    const ours: PageContext = { ...theirs, post: { threadKey: 'x:status:2', author: brand, text: 'New release', comments } };
    expect(subjectOf(theirs)).toBe(ana);
    expect(subjectOf(ours)).toBe(ben);
  });

  it('skips people the page shows without an identity', () => {
    const unknown = { handle: '?', profileUrl: '', displayName: '' };
    const fragment: PageContext = {
      site: 'linkedin',
      kind: 'post',
      post: { threadKey: 'linkedin:post:1', author: unknown, text: '', comments: [{ author: ana, direction: 'in', text: 'Hi' }] },
      misses: ['post.author'],
    };
    expect(subjectOf(fragment)).toBe(ana);
    expect(subjectOf({ site: 'linkedin', kind: 'profile', person: unknown, misses: [] })).toBeUndefined();
  });

  it('is nobody on inbox lists and other pages', () => {
    expect(subjectOf({ site: 'x', kind: 'inbox', inbox: [], misses: [] })).toBeUndefined();
    expect(subjectOf({ site: 'x', kind: 'other', misses: [] })).toBeUndefined();
  });
});

describe('selfOf', () => {
  it('is the signed-in account on its own profile, whatever the case of the handle; nobody elsewhere', () => {
    const me = person('ana');
    expect(selfOf({ site: 'x', kind: 'profile', person: person('Ana'), me, misses: [] })?.handle).toBe('Ana');
    expect(selfOf({ site: 'x', kind: 'profile', person: ben, me, misses: [] })).toBeUndefined();
    expect(selfOf({ site: 'x', kind: 'profile', person: ana, misses: [] })).toBeUndefined();
    const ownPost: PageContext = {
      site: 'x',
      kind: 'post',
      me,
      post: { threadKey: 'x:status:3', author: ana, text: 'Launch', comments: [{ author: ben, direction: 'in', text: 'Congrats' }] },
      misses: [],
    };
    expect(selfOf(ownPost)).toBeUndefined();
    expect(subjectOf(ownPost)).toBe(ben);
  });
});

describe('lists', () => {
  it('a list of posts that belongs to someone (a Page’s posts tab) is about them; other lists about nobody', () => {
    const page = person('1597565460485886');
    expect(subjectOf({ site: 'facebook', kind: 'inbox', person: page, inbox: [], misses: [] })).toBe(page);
    expect(subjectOf({ site: 'facebook', kind: 'inbox', person: page, me: page, inbox: [], misses: [] })).toBeUndefined();
  });
});
