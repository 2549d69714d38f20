/**
 * What every X page reader shares: the names of what was not found, small DOM helpers (X Chat's
 * shadow roots included), photos, times, and the people, messages and inbox rows the page context
 * is made of.
 */
import { absoluteHttpUrl, all, outermost } from '@/lib/sites/shared/dom-query';
import { profileOfHref, type XProfileRef } from './urls';
import { xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';
import type { PageContext, Person } from '../types';
import { UNKNOWN_HANDLE } from '@/lib/sites/shared/unknown-person';

/** Stable names of what the adapter looked for and did not find. */
export const xMisses = {
  pageKind: 'page.kind',
  profileHeader: 'profile.header',
  name: 'profile.name',
  headline: 'profile.headline',
  avatar: 'profile.avatar',
  post: 'post',
  postAuthor: 'post.author',
  postText: 'post.text',
  postAt: 'post.at',
  comments: 'comments',
  conversation: 'conversation',
  participants: 'conversation.participants',
  direction: 'conversation.direction',
  messageAuthor: 'message.author',
  inbox: 'inbox',
  inboxRow: 'inbox.row',
  /** The rows' unread state is not on the page (notifications; DM rows before X Chat). */
  inboxUnread: 'inbox.unread',
  me: 'me',
  /** The signed-in account is known by its handle only (narrow layouts). */
  meName: 'me.name',
} as const;

export type InboxRow = NonNullable<PageContext['inbox']>[number];
export type Conversation = NonNullable<PageContext['conversation']>;
/** A comment under a post or a message of a conversation. */
export type Message = Conversation['messages'][number];

// ---------------------------------------------------------------- small DOM helpers

/** A link to a profile itself (`/jason`, `https://x.com/Jason`), not to its tabs or photo; else undefined. */
export function profileOfLink(link: Element): XProfileRef | undefined {
  return profileOfHref(link.getAttribute('href'));
}

// ---------------------------------------------------------------- X Chat's shadow roots

export type Root = Document | DocumentFragment | ShadowRoot;

/**
 * The document and the shadow roots X Chat renders into (`xchatEmbedRoute`). A saved page may hold
 * a declarative shadow root (`<template shadowrootmode>`) that a parser without it left as a template.
 */
export function queryRoots(doc: Document): Root[] {
  const roots: Root[] = [doc];
  for (const host of all(doc, unsaved.xchatHost.selector)) {
    if (host.shadowRoot !== null) {
      roots.push(host.shadowRoot);
      continue;
    }
    for (const child of Array.from(host.children)) {
      if (child.localName === 'template' && child.hasAttribute('shadowrootmode')) {
        roots.push((child as HTMLTemplateElement).content);
      }
    }
  }
  return roots;
}

export function allIn(roots: readonly Root[], selector: string): Element[] {
  return roots.flatMap((root) => all(root, selector));
}

export function firstIn(roots: readonly Root[], selector: string): Element | undefined {
  for (const root of roots) {
    const found = root.querySelector(selector);
    if (found !== null) return found;
  }
  return undefined;
}

/**
 * The rows of an X Chat list when there are any, else those of the React DM pages before it
 * (outermost only: their selector also matches the wrappers' inner twins).
 */
export function xchatOrLegacyRows(
  roots: readonly Root[],
  xchatSelector: string,
  legacySelector: string,
): { rows: Element[]; xchat: boolean } {
  const xchatRows = allIn(roots, xchatSelector);
  return xchatRows.length > 0
    ? { rows: xchatRows, xchat: true }
    : { rows: outermost(allIn(roots, legacySelector)), xchat: false };
}

// ---------------------------------------------------------------- photos and times

/** A person's photo URL; X's default egg/silhouette images are no photo. */
export function photoUrl(img: Element | null | undefined): string | undefined {
  if (img === null || img === undefined) return undefined;
  const url = absoluteHttpUrl(img.getAttribute('src'), img.ownerDocument);
  return url === undefined || url.includes('/default_profile_images/') ? undefined : url;
}

export function isoFromDatetime(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function isoFromUnixSeconds(value: string | null): string | undefined {
  if (value === null || !/^\d{1,12}$/.test(value.trim())) return undefined;
  return new Date(Number(value.trim()) * 1000).toISOString();
}

/** The time of the first `<time datetime>` in `root` (a DM row, an inbox row). */
export function datetimeIn(root: Element): string | undefined {
  return isoFromDatetime(root.querySelector('time[datetime]')?.getAttribute('datetime'));
}

/** Sets the optional `at` of a record being built (left absent when the time is unknown). */
export function setAt(record: { at?: string }, at: string | undefined): void {
  if (at !== undefined) record.at = at;
}

// ---------------------------------------------------------------- people, messages, inbox rows

export function personOf(ref: XProfileRef, displayName: string, avatarUrl?: string): Person {
  const person: Person = { handle: ref.handle, profileUrl: ref.profileUrl, displayName };
  if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
  return person;
}

/** Someone the page shows by name only (a group member without an avatar here, ourselves signed out). */
export function nameOnly(displayName: string): Person {
  return { handle: UNKNOWN_HANDLE, profileUrl: '', displayName };
}

/** 'out' when the signed-in account wrote it. */
export function directionOf(author: { handle: string }, me: Person | undefined): 'in' | 'out' {
  return me !== undefined && author.handle === me.handle ? 'out' : 'in';
}

export const ELLIPSIS = '…';
const EXCERPT_LENGTH = 280;

function excerptOf(text: string): string {
  const chars = Array.from(text);
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}${ELLIPSIS}`;
}

/** An inbox row (a notification, a DM conversation); its text is cut to an excerpt. */
export function inboxRow(threadKey: string, person: Person, text: string, unread: boolean, at: string | undefined): InboxRow {
  const row: InboxRow = { threadKey, person, excerpt: excerptOf(text), unread };
  setAt(row, at);
  return row;
}
