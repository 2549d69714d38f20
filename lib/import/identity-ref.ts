/**
 * Identities from what a contacts file says: a site and a handle, or a profile URL. Handles are
 * canonicalised by the site modules themselves, so an imported person and the same person seen on
 * the page are one identity.
 */
import type { Site } from '@/lib/model';
import { parseProfileUrl as facebookProfile, profileRefFromSegment } from '@/lib/sites/facebook/urls';
import { parseProfileUrl as instagramProfile, profileRefFromHandle } from '@/lib/sites/instagram/urls';
import { parseProfileUrl as linkedinProfile, profileRefFromSlug } from '@/lib/sites/linkedin/common';
import { parseXProfileUrl, xProfileRef } from '@/lib/sites/x/urls';
import type { ImportIdentity } from './import-row';

interface ProfileRef {
  handle: string;
  profileUrl: string;
}

const fromHandle: Readonly<Record<Site, (handle: string) => ProfileRef | undefined>> = {
  linkedin: profileRefFromSlug,
  x: xProfileRef,
  facebook: profileRefFromSegment,
  instagram: profileRefFromHandle,
};

const fromUrl: ReadonlyArray<[Site, (url: string) => ProfileRef | undefined]> = [
  ['linkedin', linkedinProfile],
  ['x', parseXProfileUrl],
  ['facebook', (url) => facebookProfile(url)],
  ['instagram', (url) => instagramProfile(url)],
];

const SITE_NAMES: Readonly<Record<string, Site>> = {
  linkedin: 'linkedin',
  x: 'x',
  twitter: 'x',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  リンクトイン: 'linkedin',
  ツイッター: 'x',
  フェイスブック: 'facebook',
  インスタグラム: 'instagram',
};

export function siteFromName(name: string): Site | undefined {
  return SITE_NAMES[name.normalize('NFKC').trim().toLowerCase().replace(/\.com$/, '')];
}

/** The identity an absolute profile URL on one of the sites names, or undefined. */
export function identityFromUrl(url: string): ImportIdentity | undefined {
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  const secure = url.trim().replace(/^http:/i, 'https:');
  for (const [site, parse] of fromUrl) {
    const ref = parse(secure);
    if (ref !== undefined) return { site, handle: ref.handle, profileUrl: ref.profileUrl };
  }
  return undefined;
}

export function identityFromHandle(site: Site, handle: string): ImportIdentity | undefined {
  const ref = fromHandle[site](handle);
  return ref === undefined ? undefined : { site, handle: ref.handle, profileUrl: ref.profileUrl };
}
