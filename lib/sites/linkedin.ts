import { z } from 'zod';
import { collapseWhitespace, isInsideHidden, visibleText } from './dom-text';
import { insertTextIntoEditor } from './insert-text';
import { linkedinSelectors as selectors } from './linkedin.selectors';
import type { PageContext, Person, SiteAdapter } from './types';

const CANONICAL_ORIGIN = 'https://www.linkedin.com';

/** Stable names of what the adapter looked for and did not find. */
export const linkedinMisses = {
  pageKind: 'page.kind',
  topCard: 'profile.topCard',
  name: 'profile.name',
  headline: 'profile.headline',
  avatar: 'profile.avatar',
  me: 'me',
} as const;

// ---------------------------------------------------------------- URLs

/** linkedin.com and any subdomain of it (www., se., de., m.…), https only. */
export function matchesLinkedIn(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  return url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com');
}

/** Decodes percent escapes, leaving malformed ones (e.g. '%zz', a lone '%C3') as they are. */
export function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export interface ProfileRef {
  /** The slug percent-decoded, Unicode-normalized and lower-cased: one identity per person. */
  handle: string;
  /** https://www.linkedin.com/in/<slug>/ with the slug's case kept (member-id slugs are case-sensitive). */
  profileUrl: string;
}

/** Builds the canonical identity of a profile slug as it appears in a URL path (encoded or not). */
export function profileRefFromSlug(rawSlug: string): ProfileRef | undefined {
  const slug = safeDecodeURIComponent(rawSlug).normalize('NFC').trim();
  if (slug === '') return undefined;
  return {
    handle: slug.toLowerCase(),
    profileUrl: `${CANONICAL_ORIGIN}/in/${encodeURIComponent(slug)}/`,
  };
}

export type LinkedInRoute =
  | { kind: 'profile'; profile: ProfileRef }
  /** A page under a profile that is not the profile itself (activity, details lists…). */
  | { kind: 'profile-subpage'; profile: ProfileRef }
  | { kind: 'other' };

/**
 * Overlays (contact info, about this profile, photo…) open over the profile and change the URL
 * to /in/<slug>/overlay/…; the profile is still the page.
 */
const PROFILE_OVERLAY_SEGMENT = 'overlay';

/** What kind of LinkedIn page a URL is, as far as this adapter reads pages. */
export function routeLinkedInUrl(url: URL): LinkedInRoute {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, slug, ...rest] = segments;
  if (first?.toLowerCase() !== 'in' || slug === undefined) return { kind: 'other' };
  const profile = profileRefFromSlug(slug);
  if (profile === undefined) return { kind: 'other' };
  const isProfileItself = rest.length === 0 || rest[0]?.toLowerCase() === PROFILE_OVERLAY_SEGMENT;
  return { kind: isProfileItself ? 'profile' : 'profile-subpage', profile };
}

/** The profile a LinkedIn URL (absolute or site-relative) points at, whatever the page under it. */
export function parseProfileUrl(url: URL | string): ProfileRef | undefined {
  try {
    const parsed = typeof url === 'string' ? new URL(url, CANONICAL_ORIGIN) : url;
    if (!matchesLinkedIn(parsed)) return undefined;
    const route = routeLinkedInUrl(parsed);
    return route.kind === 'other' ? undefined : route.profile;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- small DOM helpers

function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- photos

const STATIC_ASSET_HOST = /^static(-exp\d+)?\.licdn\.com$/;

function absoluteHttpUrl(value: string | null, doc: Document): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), doc.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeGhost(img: Element): boolean {
  return Array.from(img.classList).some((name) => name.toLowerCase().includes('ghost'));
}

function isStaticAsset(url: string): boolean {
  return STATIC_ASSET_HOST.test(new URL(url).hostname);
}

/**
 * The URL of a member's own photo, or undefined for placeholders: blank data: images, "ghost"
 * silhouettes (private or missing photos) and LinkedIn's static placeholder assets. Lazy images
 * may still show the placeholder in `src` with the photo waiting in `data-delayed-url`.
 */
function memberPhotoUrl(img: Element): string | undefined {
  if (looksLikeGhost(img)) return undefined;
  const doc = img.ownerDocument;
  const ghostUrl = absoluteHttpUrl(img.getAttribute('data-ghost-url'), doc);
  for (const attribute of ['src', 'data-delayed-url']) {
    const url = absoluteHttpUrl(img.getAttribute(attribute), doc);
    if (url !== undefined && url !== ghostUrl && !isStaticAsset(url)) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------- the profile's top card

interface TopCardName {
  text: string;
  heading: Element;
  card: Element;
  /** Found by the known top-card hooks, not by structure alone. */
  recognised: boolean;
}

function headingIn(
  doc: Document,
  selector: string,
  cardOf: (heading: Element) => Element | null,
): Omit<TopCardName, 'recognised'> | undefined {
  for (const heading of all(doc, selector)) {
    const card = cardOf(heading);
    if (card === null || isInsideHidden(heading)) continue;
    const text = visibleText(heading);
    if (text !== '') return { text, heading, card };
  }
  return undefined;
}

function findTopCardName(doc: Document): TopCardName | undefined {
  const known = headingIn(doc, selectors.topCardName.selector, (h) => h.closest(selectors.topCard.selector));
  if (known !== undefined) return { ...known, recognised: true };
  const structural =
    headingIn(doc, selectors.firstSectionHeading.selector, (h) => h.closest('section')) ??
    headingIn(doc, selectors.mainHeading.selector, (h) => h.closest('section') ?? h.closest('main'));
  return structural === undefined ? undefined : { ...structural, recognised: false };
}

function findHeadline(name: TopCardName): string | undefined {
  const doc = name.card.ownerDocument;
  const candidates = [
    ...all(doc, selectors.topCardHeadline.selector),
    ...all(name.card, selectors.headlineLine.selector),
  ];
  for (const line of candidates) {
    if (!name.card.contains(line) || name.heading.contains(line) || !follows(name.heading, line)) continue;
    if (isInsideHidden(line, name.card)) continue;
    const text = visibleText(line);
    if (text !== '') return text;
  }
  return undefined;
}

function findAvatar(name: TopCardName): string | undefined {
  const photos = all(name.card, selectors.topCardPhoto.selector);
  const named = all(name.card, 'img').filter(
    (img) => sameText(img.getAttribute('alt') ?? '', name.text) || sameText(img.getAttribute('title') ?? '', name.text),
  );
  for (const img of [...photos, ...named]) {
    const url = memberPhotoUrl(img);
    if (url !== undefined) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------- name from page metadata

const jsonLdPerson = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  name: z.string(),
  url: z.string().optional(),
});

function jsonLdNodes(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (typeof value !== 'object' || value === null) return [];
  const graph = (value as Record<string, unknown>)['@graph'];
  return Array.isArray(graph) ? [value, ...(graph as unknown[])] : [value];
}

function isPersonAbout(person: z.infer<typeof jsonLdPerson>, profile: ProfileRef): boolean {
  const types = Array.isArray(person['@type']) ? person['@type'] : [person['@type']];
  if (!types.includes('Person')) return false;
  return person.url === undefined || parseProfileUrl(person.url)?.handle === profile.handle;
}

function nameFromJsonLd(doc: Document, profile: ProfileRef): string | undefined {
  for (const script of all(doc, selectors.jsonLd.selector)) {
    for (const node of jsonLdNodes(parseJson(script.textContent))) {
      const person = jsonLdPerson.safeParse(node);
      if (person.success && isPersonAbout(person.data, profile)) {
        const name = collapseWhitespace(person.data.name);
        if (name !== '') return name;
      }
    }
  }
  return undefined;
}

function nameFromProfileMeta(doc: Document): string | undefined {
  const parts = all(doc, selectors.profileNameMeta.selector).map((meta) => meta.getAttribute('content') ?? '');
  const name = collapseWhitespace(parts.join(' '));
  return name === '' ? undefined : name;
}

/** "(3) Ada Lovelace | LinkedIn" or "Ada Lovelace - Analyst - Engines | LinkedIn" → "Ada Lovelace". */
function nameFromTitle(title: string): string | undefined {
  const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s+\|\s+LinkedIn$/.exec(collapseWhitespace(title));
  const name = match?.[1]?.split(' - ')[0]?.trim();
  return name === undefined || name === '' ? undefined : name;
}

function nameFromMetadata(doc: Document, profile: ProfileRef): string | undefined {
  const ogTitle = doc.querySelector(selectors.ogTitle.selector)?.getAttribute('content') ?? '';
  return (
    nameFromJsonLd(doc, profile) ?? nameFromProfileMeta(doc) ?? nameFromTitle(ogTitle) ?? nameFromTitle(doc.title)
  );
}

// ---------------------------------------------------------------- the person a profile is about

function readProfilePerson(doc: Document, profile: ProfileRef, misses: string[]): Person {
  const person: Person = { ...profile, displayName: '' };
  const name = findTopCardName(doc);
  if (name === undefined || !name.recognised) misses.push(linkedinMisses.topCard);
  if (name === undefined) {
    person.displayName = nameFromMetadata(doc, profile) ?? '';
    if (person.displayName === '') misses.push(linkedinMisses.name);
    misses.push(linkedinMisses.headline, linkedinMisses.avatar);
    return person;
  }
  person.displayName = name.text;
  const headline = findHeadline(name);
  if (headline === undefined) misses.push(linkedinMisses.headline);
  else person.headline = headline;
  const avatarUrl = findAvatar(name);
  if (avatarUrl === undefined) misses.push(linkedinMisses.avatar);
  else person.avatarUrl = avatarUrl;
  return person;
}

// ---------------------------------------------------------------- the signed-in account

const ME_REQUEST_PATH = '/voyager/api/me';

const embeddedResponseDescriptor = z.object({ request: z.string(), body: z.string() });

const vectorImage = z.object({
  rootUrl: z.string(),
  artifacts: z.array(z.object({ width: z.number(), fileIdentifyingUrlPathSegment: z.string() })),
});

const meResponse = z.object({
  data: z.object({ '*miniProfile': z.string().optional() }),
  included: z.array(
    z.object({
      entityUrn: z.string().optional(),
      publicIdentifier: z.string().optional(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      picture: vectorImage.optional().catch(undefined),
    }),
  ),
});
type MeResponse = z.infer<typeof meResponse>;

function isMeRequest(request: string): boolean {
  try {
    return new URL(request, CANONICAL_ORIGIN).pathname === ME_REQUEST_PATH;
  } catch {
    return false;
  }
}

/** The embedded `/voyager/api/me` response, if the page carries it. */
function embeddedMeResponse(doc: Document): MeResponse | undefined {
  for (const descriptorElement of all(doc, selectors.embeddedResponse.selector)) {
    const text = descriptorElement.textContent;
    if (!text.includes(ME_REQUEST_PATH)) continue;
    const descriptor = embeddedResponseDescriptor.safeParse(parseJson(text));
    if (!descriptor.success || !isMeRequest(descriptor.data.request)) continue;
    const body = doc.getElementById(descriptor.data.body)?.textContent ?? '';
    const response = meResponse.safeParse(parseJson(body));
    if (response.success) return response.data;
  }
  return undefined;
}

function largestPicture(picture: z.infer<typeof vectorImage> | undefined): string | undefined {
  const largest = picture?.artifacts.reduce<(typeof picture.artifacts)[number] | undefined>(
    (best, artifact) => (best === undefined || artifact.width > best.width ? artifact : best),
    undefined,
  );
  return picture === undefined || largest === undefined
    ? undefined
    : `${picture.rootUrl}${largest.fileIdentifyingUrlPathSegment}`;
}

function meFromEmbeddedData(doc: Document): Person | undefined {
  const response = embeddedMeResponse(doc);
  if (response === undefined) return undefined;
  const urn = response.data['*miniProfile'];
  const profile =
    response.included.find((entity) => urn !== undefined && entity.entityUrn === urn) ??
    response.included.find((entity) => entity.publicIdentifier !== undefined);
  const ref = profile?.publicIdentifier === undefined ? undefined : profileRefFromSlug(profile.publicIdentifier);
  if (profile === undefined || ref === undefined) return undefined;
  const me: Person = { ...ref, displayName: collapseWhitespace(`${profile.firstName ?? ''} ${profile.lastName ?? ''}`) };
  const avatarUrl = largestPicture(profile.picture);
  if (avatarUrl !== undefined) me.avatarUrl = avatarUrl;
  return me;
}

/** The signed-in account: identity from the embedded API data, name and photo as the "Me" menu shows them. */
function readMe(doc: Document): Person | undefined {
  const me = meFromEmbeddedData(doc);
  if (me === undefined) return undefined;
  const menuPhoto = doc.querySelector(selectors.meMenuPhoto.selector);
  if (menuPhoto === null) return me;
  const shownName = collapseWhitespace(menuPhoto.getAttribute('alt') ?? '');
  if (shownName !== '') me.displayName = shownName;
  const shownPhoto = memberPhotoUrl(menuPhoto);
  if (shownPhoto !== undefined) me.avatarUrl = shownPhoto;
  return me;
}

// ---------------------------------------------------------------- the page

function readPage(doc: Document, url: URL): PageContext {
  const misses: string[] = [];
  const route = routeLinkedInUrl(url);
  const context: PageContext = { site: 'linkedin', kind: 'other', misses };
  if (route.kind === 'profile') {
    context.kind = 'profile';
    context.person = readProfilePerson(doc, route.profile, misses);
  } else {
    misses.push(linkedinMisses.pageKind);
    if (route.kind === 'profile-subpage') {
      // Whose sub-page it is comes from the URL; the name is not read on these pages yet.
      context.person = { ...route.profile, displayName: '' };
      misses.push(linkedinMisses.name);
    }
  }
  const me = readMe(doc);
  if (me === undefined) misses.push(linkedinMisses.me);
  else context.me = me;
  return context;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function findComposer(doc: Document): HTMLElement | null {
  const editors = [
    ...doc.querySelectorAll<HTMLElement>(selectors.messageComposer.selector),
    ...doc.querySelectorAll<HTMLElement>(selectors.commentComposer.selector),
  ].filter((editor) => !isInsideHidden(editor));
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[0] ?? null;
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  matches: matchesLinkedIn,
  read(doc, url) {
    try {
      return readPage(doc, url);
    } catch (error) {
      return { site: 'linkedin', kind: 'other', misses: [`read.error: ${describeError(error)}`] };
    }
  },
  composer: findComposer,
  insertText: insertTextIntoEditor,
};
