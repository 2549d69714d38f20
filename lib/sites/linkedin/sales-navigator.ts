/**
 * Sales Navigator lead pages (/sales/lead/<lead id>,<auth type>,<auth token>/). Sales Navigator marks
 * what it shows of a person with `data-anonymize` attributes (its screenshot-anonymising hooks:
 * "person-name", "headline", "headshot-photo"…), steadier than its generated class names.
 *
 * The lead id (ACwAA…) is not the member's /in/ id (ACoAA…) and cannot be turned into it, so the
 * lead is a profile only when the page links the member's LinkedIn profile ("View LinkedIn
 * profile"); otherwise the page is read as 'other' with the miss 'lead.profileLink', rather than
 * making a second identity for the same person.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { visibleText } from '@/lib/sites/shared/dom-text';
import { entityRefFromLink, firstPhoto, isMemberHandle, linkedinMisses, type ProfileRef } from './common';
import { linkedinUnsavedPageSelectors as unsaved } from '../linkedin.selectors';
import type { Person } from '../types';

function leadProfileRef(header: Element): ProfileRef | undefined {
  for (const link of all(header, unsaved.leadProfileLink.selector)) {
    const ref = entityRefFromLink(link);
    if (ref !== undefined && isMemberHandle(ref.handle)) return ref;
  }
  return undefined;
}

/** The lead as a profile person, or undefined (with its misses) when the page does not say who. */
export function readSalesLead(doc: Document, misses: string[]): Person | undefined {
  const nameElement = doc.querySelector(unsaved.leadName.selector);
  const header = nameElement?.closest(unsaved.leadHeader.selector) ?? nameElement?.closest('section');
  const ref = header === null || header === undefined ? undefined : leadProfileRef(header);
  if (header === null || header === undefined || ref === undefined) {
    misses.push(linkedinMisses.leadProfileLink);
    return undefined;
  }
  const person: Person = { ...ref, displayName: visibleText(nameElement) };
  if (person.displayName === '') misses.push(linkedinMisses.name);
  const headline = visibleText(header.querySelector(unsaved.leadHeadline.selector));
  if (headline === '') misses.push(linkedinMisses.headline);
  else person.headline = headline;
  const avatarUrl = firstPhoto(all(header, unsaved.leadPhoto.selector));
  if (avatarUrl === undefined) misses.push(linkedinMisses.avatar);
  else person.avatarUrl = avatarUrl;
  return person;
}
