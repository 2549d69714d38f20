import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { linkedin, linkedinMisses } from '@/lib/sites/linkedin';
import { documentFromHtml } from './fixtures';
import { SYNTHETIC_PAGES, syntheticDocument, type SyntheticPageName } from './linkedin-synthetic-pages';

function read(name: SyntheticPageName): PageContext {
  const context = linkedin.read(syntheticDocument(name), new URL(SYNTHETIC_PAGES[name].url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

describe('Sales Navigator lead pages (synthetic)', () => {
  it('a lead that links the member\'s profile is that member\'s profile', () => {
    const context = read('sales-lead');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'grace-hopper-1906',
      profileUrl: 'https://www.linkedin.com/in/grace-hopper-1906/',
      displayName: 'Grace Hopper',
      headline: 'Rear Admiral, US Navy',
      avatarUrl: 'https://media.licdn.com/dms/image/GRACE/profile-displayphoto-shrink_200_200/0/1',
    });
    // Sales Navigator pages carry neither the LinkedIn nav nor its /voyager/api/me data.
    expect(context.misses).toEqual([linkedinMisses.me]);
  });

  it('without that link the page says who by name only: other, with a clear miss', () => {
    const context = read('sales-lead-no-link');
    expect(context.kind).toBe('other');
    expect(context.person).toBeUndefined();
    expect(context.misses).toEqual([linkedinMisses.leadProfileLink, linkedinMisses.me]);
  });

  it('an empty lead page: other, no throw', () => {
    const url = 'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,x/';
    const context = linkedin.read(documentFromHtml('<h1>', url), new URL(url));
    expect(context).toEqual({ site: 'linkedin', kind: 'other', misses: [linkedinMisses.leadProfileLink, linkedinMisses.me] });
  });

  it('no composer on a lead page', () => {
    expect(linkedin.composer(syntheticDocument('sales-lead'))).toBeNull();
  });
});
