import { describe, expect, it } from 'vitest';
import { addresseeOf, nameFromSlug } from '@/lib/replies/addressee';

describe('whom the panel says a reply goes to', () => {
  it('names a LinkedIn member by name, never by the URL slug', () => {
    expect(addresseeOf({ handle: 'ragavan-m-13095515a', displayName: 'Ragavan M.' }, 'linkedin')).toEqual({ name: 'Ragavan M.' });
  });

  it('makes a name from the slug when the page gave none, without the number LinkedIn appends', () => {
    expect(addresseeOf({ handle: 'ragavan-m-13095515a', displayName: '' }, 'linkedin')).toEqual({ name: 'Ragavan M' });
    expect(nameFromSlug('jane-doe')).toBe('Jane Doe');
  });

  it('keeps the @handle beside the name on X and Instagram, where people are addressed by it', () => {
    expect(addresseeOf({ handle: 'noracustomer', displayName: 'Nora Customer' }, 'x')).toEqual({ name: 'Nora Customer', mention: 'noracustomer' });
    expect(addresseeOf({ handle: 'lobo144568', displayName: '' }, 'instagram')).toEqual({ name: 'lobo144568', mention: 'lobo144568' });
  });

  it('falls back to a Facebook handle that is only a number', () => {
    expect(addresseeOf({ handle: '100012345678', displayName: '' }, 'facebook')).toEqual({ name: '100012345678' });
  });

  it('shows no @ for a person the page could not identify', () => {
    expect(addresseeOf({ handle: '?', displayName: 'Someone' }, 'x')).toEqual({ name: 'Someone' });
  });
});
