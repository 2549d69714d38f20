/**
 * The signed-in account: legacy twitter.com's dashboard card, else the React app's account
 * switcher, else (narrow layouts) the top bar's link or avatar that names the account.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { personOf, photoUrl, profileOfLink } from './common';
import { legacyText, nameAndHandle, textBlocks } from './text';
import { xProfileRef, type XProfileRef } from './urls';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';
import type { Person } from '../types';

function readLegacyMe(doc: Document): Person | undefined {
  const info = doc.querySelector(selectors.legacyMe.selector);
  const link = info?.querySelector('a[href]');
  const ref = link === null || link === undefined ? undefined : profileOfLink(link);
  if (ref === undefined) return undefined;
  const name = legacyText(doc.querySelector(selectors.legacyMeName.selector));
  return personOf(ref, name, photoUrl(doc.querySelector(selectors.legacyMeAvatar.selector)));
}

const AVATAR_CONTAINER_PREFIX = 'UserAvatar-Container-';

function handleFromAvatarContainer(root: Element): XProfileRef | undefined {
  const container = root.matches(selectors.avatarContainer.selector)
    ? root
    : root.querySelector(selectors.avatarContainer.selector);
  const testId = container?.getAttribute('data-testid') ?? '';
  return testId.startsWith(AVATAR_CONTAINER_PREFIX) ? xProfileRef(testId.slice(AVATAR_CONTAINER_PREFIX.length)) : undefined;
}

function readReactMe(doc: Document): Person | undefined {
  const switcher = doc.querySelector(selectors.accountSwitcher.selector);
  if (switcher !== null) {
    const { name, handle } = nameAndHandle(textBlocks(switcher));
    const ref = handle ?? handleFromAvatarContainer(switcher);
    if (ref !== undefined) return personOf(ref, name, photoUrl(switcher.querySelector('img')));
  }
  // Narrow layouts: no side nav button, only a link or an avatar that names the account.
  for (const link of all(doc, unsaved.meProfileLink.selector)) {
    const ref = profileOfLink(link) ?? handleFromAvatarContainer(link);
    if (ref !== undefined) return personOf(ref, '', photoUrl(link.querySelector('img')));
  }
  return undefined;
}

/** The signed-in account; undefined when signed out or when the page does not show it. */
export function readMe(doc: Document): Person | undefined {
  return readLegacyMe(doc) ?? readReactMe(doc);
}
