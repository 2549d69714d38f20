/**
 * Profile pages (/<handle> and its tabs): the person from the profile's header, React or legacy
 * (name, bio as headline, photo), else the name from the page's title.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { personOf, photoUrl, profileOfLink, xMisses } from './common';
import { inlineText, legacyText, nameAndHandle, textBlocks } from './text';
import { HANDLE_PATTERN, xProfileRef, type XProfileRef } from './urls';
import { xSelectors as selectors } from '../x.selectors';
import type { Person } from '../types';

const TITLE = new RegExp(`^(?:\\(\\d+\\+?\\)\\s*)?(.+?)\\s+\\(@(${HANDLE_PATTERN})\\)\\s*(?:[/|].*)?$`);

/** "Nikita Bier (@nikitabier) / X", "(3) huned (@huned) / Twitter", legacy "Name (@handle) | Twitter". */
function nameFromTitle(title: string, profile: XProfileRef): string | undefined {
  const match = TITLE.exec(collapseWhitespace(title));
  if (match === null || xProfileRef(match[2] ?? '')?.handle !== profile.handle) return undefined;
  const name = match[1]?.trim() ?? '';
  return name === '' ? undefined : name;
}

interface ProfileHeader {
  name: string;
  bio: string;
  avatarUrl?: string;
}

function profileHeader(name: string, bio: string, avatarUrl: string | undefined): ProfileHeader {
  const header: ProfileHeader = { name, bio };
  if (avatarUrl !== undefined) header.avatarUrl = avatarUrl;
  return header;
}

function readReactProfileHeader(doc: Document, profile: XProfileRef): ProfileHeader | undefined {
  const header = doc.querySelector(selectors.profileUserName.selector);
  if (header === null) return undefined;
  const { name, handle } = nameAndHandle(textBlocks(header));
  // A header for someone else is a page still showing the previous profile.
  if (handle !== undefined && handle.handle !== profile.handle) return undefined;
  const photo = all(doc, selectors.profilePhoto.selector).find((img) => {
    const href = img.closest('a')?.getAttribute('href') ?? '';
    return href.toLowerCase() === `/${profile.handle}/photo` || href.toLowerCase().endsWith(`x.com/${profile.handle}/photo`);
  });
  return profileHeader(name, inlineText(doc.querySelector(selectors.profileBio.selector)), photoUrl(photo));
}

function readLegacyProfileHeader(doc: Document, profile: XProfileRef): ProfileHeader | undefined {
  const handleLink = doc.querySelector(selectors.legacyProfileHandle.selector);
  if (handleLink === null || profileOfLink(handleLink)?.handle !== profile.handle) return undefined;
  return profileHeader(
    legacyText(doc.querySelector(selectors.legacyProfileName.selector)),
    legacyText(doc.querySelector(selectors.legacyProfileBio.selector)),
    photoUrl(doc.querySelector(selectors.legacyProfileAvatar.selector)),
  );
}

export function readProfilePerson(doc: Document, profile: XProfileRef, misses: string[]): Person {
  const header = readReactProfileHeader(doc, profile) ?? readLegacyProfileHeader(doc, profile);
  if (header === undefined) misses.push(xMisses.profileHeader);
  const ogTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  const name =
    header !== undefined && header.name !== ''
      ? header.name
      : (nameFromTitle(doc.title, profile) ?? nameFromTitle(ogTitle, profile) ?? '');
  const person = personOf(profile, name, header?.avatarUrl);
  if (name === '') misses.push(xMisses.name);
  // The bio is the line a person reads under the name: the closest thing X has to a headline.
  if (header === undefined || header.bio === '') misses.push(xMisses.headline);
  else person.headline = header.bio;
  if (person.avatarUrl === undefined) misses.push(xMisses.avatar);
  return person;
}
