/**
 * The signed-in account: the viewer the page's scripts embed (2021 `window._sharedData`, 2025
 * `PolarisViewer` data), else the navigation's link to the viewer's own profile.
 */
import * as z from 'zod/mini';
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { firstImageUrl, httpUrl, mainOf, person, profileLinks } from './common';
import { jsonObjectAfter } from './text';
import { profileRefFromHandle } from './urls';
import { instagramSelectors as selectors, instagramUnsavedSelectors as unsaved } from '../instagram.selectors';
import type { Person } from '../types';

const viewerSchema = z.object({
  username: z.string(),
  full_name: z.catch(z.nullish(z.string()), undefined),
  profile_pic_url: z.catch(z.nullish(z.string()), undefined),
  /** false: `profile_pic_url` is Instagram's anonymous silhouette. */
  has_profile_pic: z.catch(z.nullish(z.boolean()), undefined),
});
type Viewer = z.infer<typeof viewerSchema>;

/** 2021: `window._sharedData = {"config": {"viewer": {…} | null}}`. */
const sharedDataSchema = z.object({ config: z.object({ viewer: z.nullable(viewerSchema) }) });
/** 2025: `["PolarisViewer",[],{"data":{…}}]` in an application/json data script. */
const polarisViewerSchema = z.object({ data: viewerSchema });

const SHARED_DATA_MARKER = 'window._sharedData';
const POLARIS_VIEWER_MARKER = '"PolarisViewer",[],';

function viewerFromScripts(doc: Document): Viewer | undefined {
  for (const script of all(doc, selectors.inlineScript.selector)) {
    const text = script.textContent;
    if (!text.includes(SHARED_DATA_MARKER)) continue;
    const parsed = sharedDataSchema.safeParse(jsonObjectAfter(text, SHARED_DATA_MARKER));
    if (parsed.success) return parsed.data.config.viewer ?? undefined;
  }
  for (const script of all(doc, selectors.dataScript.selector)) {
    const text = script.textContent;
    if (!text.includes(POLARIS_VIEWER_MARKER)) continue;
    const parsed = polarisViewerSchema.safeParse(jsonObjectAfter(text, POLARIS_VIEWER_MARKER));
    if (parsed.success) return parsed.data.data;
  }
  return undefined;
}

function isSignedOut(doc: Document): boolean {
  return doc.querySelector(selectors.signedOut.selector) !== null;
}

/**
 * The navigation's link to the viewer's own profile (2025: the "Profile" item with the viewer's photo):
 * a profile link with an image, in the same navigation as the Direct link, outside the page's main part.
 */
function meFromNavigation(doc: Document, base: URL): Person | undefined {
  const main = mainOf(doc);
  for (const inboxLink of all(doc, selectors.navInboxLink.selector)) {
    if (main?.contains(inboxLink) === true) continue;
    for (let node = inboxLink.parentElement; node !== null; node = node.parentElement) {
      if (main !== null && node.contains(main)) break;
      if (node.querySelector(unsaved.dmMessageList.selector) !== null) break;
      for (const { link, profile } of profileLinks(node, base)) {
        if (link.querySelector('img') !== null) return person(profile, undefined, firstImageUrl(link, base));
      }
    }
  }
  return undefined;
}

/** The signed-in account; undefined when signed out or when the page does not show it. */
export function readMe(doc: Document, base: URL): Person | undefined {
  if (isSignedOut(doc)) return undefined;
  const viewer = viewerFromScripts(doc);
  const profile = viewer === undefined ? undefined : profileRefFromHandle(viewer.username);
  if (viewer !== undefined && profile !== undefined) {
    const photo = viewer.has_profile_pic === false ? undefined : httpUrl(viewer.profile_pic_url ?? null, base);
    return person(profile, collapseWhitespace(viewer.full_name ?? ''), photo);
  }
  return meFromNavigation(doc, base);
}
