import type { SelectorMap } from './selector-map';

/**
 * Every LinkedIn selector, and nowhere else. Markup generations covered:
 * - signed-in Ember/"voyager" profile 2020–2024 (`section.pv-top-card`, then from 2024 an unnamed
 *   `main > section[data-member-id]` with generated class names);
 * - the signed-out public profile (`section.top-card-layout`, Tailwind-like classes);
 * - the global nav, messaging and comment editors.
 * Where a class name is unavoidable the same entry also carries a steadier hook (data-*, ARIA, id,
 * document structure) so one of them survives a restyle.
 */

const OWN = 'linkedin/profile-2024-own.html';
const PROFILE_A = 'linkedin/profile-2024-a.html';
const PROFILE_B = 'linkedin/profile-2024-b.html';
const PUBLIC_A = 'linkedin/profile-2024-public-a.html';
const MESSAGING = 'linkedin/messaging-thread-2023-overlay-a.html';
const COMMENTS = 'linkedin/post-comments-2021-a.html';
const ACTIVITY = 'linkedin/feed-activity-2021-a.html';
const SEARCH = 'linkedin/search-results-2025-a.html';

export const linkedinSelectors = {
  /** The profile's top card: name, headline, photo. */
  topCard: {
    selector: 'section.pv-top-card, section.top-card-layout, main section[data-member-id]',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0, [ACTIVITY]: 0, [MESSAGING]: 0, [COMMENTS]: 0 },
  },
  /** The name heading in the top card. */
  topCardName: {
    selector:
      'section.pv-top-card h1, .top-card-layout__title, section.top-card-layout h1, main section[data-member-id] h1',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0, [ACTIVITY]: 0 },
  },
  /** Structural fallback for an unknown top card: the heading of the first section of main. */
  firstSectionHeading: {
    selector: 'main section:first-of-type h1',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0 },
  },
  /** Last structural fallback: any heading in main (the search page has a screen-reader-only one). */
  mainHeading: {
    selector: 'main h1',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 1, [ACTIVITY]: 0 },
  },
  /**
   * The headline line under the name. Used only inside the top card and after the name.
   * The public profile shows no headline line at all (its location subline is not a headline).
   */
  topCardHeadline: {
    selector: [
      'main section[data-member-id] .text-body-medium',
      'main section[data-member-id] [data-generated-suggestion-target]',
      'section.pv-top-card .text-body-medium',
      '.pv-top-card-section__headline',
      '.top-card-layout__headline',
    ].join(', '),
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 0, [ACTIVITY]: 0 },
  },
  /** Same, for a top card found only by structure: the first such line after the name wins. */
  headlineLine: {
    selector: '.text-body-medium, .top-card-layout__headline',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 0, [ACTIVITY]: 6 },
  },
  /**
   * The profile photo in the top card (also when it is a ghost placeholder: the adapter checks).
   * Fallback in code: an image in the top card whose alt or title is the person's name.
   */
  topCardPhoto: {
    selector: [
      'img.pv-top-card-profile-picture__image',
      'img.pv-top-card-profile-picture__image--show',
      'img.pv-top-card__photo',
      'img.profile-photo-edit__preview',
      'img.top-card__profile-image',
    ].join(', '),
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0 },
  },
  /** The signed-in account's small photo on the global nav "Me" menu (alt: its name). */
  meMenuPhoto: {
    selector: 'img.global-nav__me-photo, #global-nav .global-nav__me img',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [SEARCH]: 1, [PUBLIC_A]: 0, [MESSAGING]: 0 },
  },
  /**
   * Descriptors of the API responses embedded in the page as `<code>` JSON: each names its request
   * (`/voyager/api/me` is the signed-in account) and the id of the `<code>` holding the body.
   */
  embeddedResponse: {
    selector: 'code[id^="datalet-bpr-guid-"]',
    fixtures: { [OWN]: 8, [PROFILE_A]: 9, [PROFILE_B]: 9, [SEARCH]: 8, [PUBLIC_A]: 0 },
  },
  /** schema.org data of the public profile (a Person with name, image, url). */
  jsonLd: {
    selector: 'script[type="application/ld+json"]',
    fixtures: { [PUBLIC_A]: 1, [OWN]: 0 },
  },
  /** OpenGraph profile name parts of the public profile. */
  profileNameMeta: {
    selector: 'meta[property="profile:first_name"], meta[property="profile:last_name"]',
    fixtures: { [PUBLIC_A]: 2, [OWN]: 0 },
  },
  /** "Name - Headline | LinkedIn" on the public profile. */
  ogTitle: {
    selector: 'meta[property="og:title"]',
    fixtures: { [PUBLIC_A]: 1, [OWN]: 0, [SEARCH]: 0 },
  },
  /** The messaging reply box (full page and overlay bubble). */
  messageComposer: {
    selector: 'form.msg-form [contenteditable="true"][role="textbox"], .msg-form__contenteditable[contenteditable="true"]',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0, [ACTIVITY]: 0, [COMMENTS]: 0 },
  },
  /** Comment and reply boxes (Quill editors; their hidden `.ql-clipboard` is also contenteditable). */
  commentComposer: {
    selector: [
      '.comments-comment-box [contenteditable="true"][role="textbox"]',
      '.comments-comment-texteditor [contenteditable="true"][role="textbox"]',
      '.ql-editor[contenteditable="true"][role="textbox"]',
    ].join(', '),
    fixtures: { [ACTIVITY]: 1, [COMMENTS]: 1, [MESSAGING]: 0, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0 },
  },
} as const satisfies SelectorMap;

export type LinkedInSelectorName = keyof typeof linkedinSelectors;
export type LinkedInSelectors = typeof linkedinSelectors;
