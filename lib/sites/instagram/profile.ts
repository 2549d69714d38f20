/**
 * Profile pages (/<handle>/ and its tabs): the person from the profile's header (name, bio as
 * headline, photo), with the name the page's metadata pairs with the handle to find it.
 */
import { all, follows } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, visibleText } from '@/lib/sites/shared/dom-text';
import { httpUrl, instagramMisses, person } from './common';
import { fullNameFor } from './names';
import { escapeRegExp, sameText } from './text';
import type { InstagramProfileRef } from './urls';
import { instagramSelectors as selectors } from '../instagram.selectors';
import type { Person } from '../types';

/** The profile's top block: a `header` in main that is not a post's header. */
function profileHeader(doc: Document): Element | undefined {
  return all(doc, selectors.header.selector).find((header) => header.closest('article') === null);
}

const NOT_A_NAME = 'a, button, [role="button"], ul, h2';
const BIO_ELEMENTS = new Set(['span', 'h1']);

/** 2025: the first bidi-marked text after the handle heading that is not a control, a link or a count. */
function nameElementAfterHandle(header: Element, handleHeading: Element | undefined): Element | undefined {
  return all(header, selectors.profileHeaderText.selector).find(
    (element) =>
      (handleHeading === undefined || follows(handleHeading, element)) &&
      element.closest(NOT_A_NAME) === null &&
      element.querySelector(selectors.profileHeaderText.selector) === null &&
      visibleText(element) !== '',
  );
}

/** The innermost text element of `root` (not a control, link or the handle) that shows exactly `text`. */
function elementShowing(root: Element, text: string): Element | undefined {
  // textContent first (cheap): the element's whole text, hidden parts included, is about the name's length.
  const roughly = (element: Element): boolean => {
    const content = collapseWhitespace(element.textContent);
    return content.length >= text.length && content.length <= text.length + 40;
  };
  return all(root, 'h1, span, div')
    .filter((element) => roughly(element) && element.closest(NOT_A_NAME) === null && sameText(visibleText(element), text))
    .find((element, _index, matches) => !matches.some((other) => other !== element && element.contains(other)));
}

/** The block holding name, category, bio and link: the nearest ancestor of the name with several children. */
function infoBlockOf(name: Element, header: Element): Element | undefined {
  for (let node = name.parentElement; node !== null && node !== header; node = node.parentElement) {
    if (node.childElementCount > 1) return node;
  }
  return undefined;
}

/**
 * The bio: in both generations the one `span` that is a direct child of the info block after the
 * name (the category is a `div`, the link an `a` (2021) or a `button` (2025)). Markup that puts the
 * bio in an `h1` after a `span` name is read the same way.
 */
function bioIn(block: Element, name: Element): string | undefined {
  for (const child of Array.from(block.children)) {
    if (!BIO_ELEMENTS.has(child.localName) || child.contains(name) || !follows(name, child)) continue;
    const text = visibleText(child);
    if (text !== '') return text;
  }
  return undefined;
}

/** The person a profile page shows; what it lacks goes into `misses`. */
export function readProfilePerson(doc: Document, base: URL, profile: InstagramProfileRef, misses: string[]): Person {
  const header = profileHeader(doc);
  const metadataName = fullNameFor(doc, profile.handle);
  if (header === undefined) {
    misses.push(instagramMisses.profileHeader);
    if (metadataName === undefined) misses.push(instagramMisses.profileName);
    misses.push(instagramMisses.headline, instagramMisses.avatar);
    return person(profile, metadataName);
  }
  const inHeader = (selector: string): Element | undefined =>
    all(doc, selector).find((element) => header.contains(element));
  const handleHeading = inHeader(selectors.profileHandleHeading.selector);
  // "@jane.q • Instagram photos and videos": the page says the account shows no name.
  const titles = [doc.title, ...all(doc, selectors.nameMetadata.selector).map((meta) => meta.getAttribute('content') ?? '')];
  const handleMention = new RegExp(`@${escapeRegExp(profile.handle)}(?![a-z0-9._])`, 'i');
  const showsNoName = metadataName === undefined && titles.some((title) => handleMention.test(title));
  const nameElement =
    (metadataName === undefined ? undefined : elementShowing(header, metadataName)) ??
    inHeader(selectors.profileNameHeading.selector) ??
    (showsNoName ? undefined : nameElementAfterHandle(header, handleHeading));
  const shownName = nameElement === undefined ? '' : visibleText(nameElement);
  const displayName = shownName !== '' ? shownName : metadataName;
  if (displayName === undefined && !showsNoName) misses.push(instagramMisses.profileName);

  const block = nameElement === undefined ? undefined : infoBlockOf(nameElement, header);
  const bio = block === undefined || nameElement === undefined ? undefined : bioIn(block, nameElement);
  // The profile photo comes before the handle heading; later images are highlights.
  const avatarUrl = all(header, 'img')
    .filter((img) => handleHeading === undefined || follows(img, handleHeading))
    .map((img) => httpUrl(img.getAttribute('src'), base))
    .find((url) => url !== undefined);

  const result = person(profile, displayName, avatarUrl);
  if (bio === undefined) misses.push(instagramMisses.headline);
  else result.headline = bio;
  if (avatarUrl === undefined) misses.push(instagramMisses.avatar);
  return result;
}
