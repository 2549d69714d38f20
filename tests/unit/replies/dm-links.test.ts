import { describe, expect, it } from 'vitest';
import { privateChannelFor } from '@/lib/replies/dm-links';

const jane = (handle: string, profileUrl: string) => ({ handle, profileUrl });

describe('privateChannelFor', () => {
  it('opens the X compose view with the numeric id and carries the message in the URL', () => {
    const channel = privateChannelFor('x', jane('janedoe', 'https://x.com/janedoe'), { recipientId: '3805104374', prefill: 'Hi Jane & co' });
    expect(channel.prefillSupported).toBe(true);
    const url = new URL(channel.url ?? '');
    expect(url.origin + url.pathname).toBe('https://x.com/messages/compose');
    expect(url.searchParams.get('recipient_id')).toBe('3805104374');
    expect(url.searchParams.get('text')).toBe('Hi Jane & co');
    expect(channel.alternative).toBe('public-ask');
  });

  it('falls back to the X profile (its Message button) without a numeric id, a handle never goes in recipient_id', () => {
    const channel = privateChannelFor('x', jane('janedoe', 'https://x.com/janedoe'), { canMessage: true });
    expect(channel).toMatchObject({ url: 'https://x.com/janedoe', prefillSupported: false, alternative: null });
  });

  it('offers a public ask when X DMs are closed', () => {
    const channel = privateChannelFor('x', jane('janedoe', 'https://x.com/janedoe'), { canMessage: false, recipientId: '1' });
    expect(channel).toEqual({ url: null, prefillSupported: false, alternative: 'public-ask', alternativeUrl: null });
  });

  it('uses m.me for a Facebook username and Messenger threads for a numeric profile id', () => {
    expect(privateChannelFor('facebook', jane('jane.doe.77', 'https://www.facebook.com/jane.doe.77')).url).toBe('https://m.me/jane.doe.77');
    expect(privateChannelFor('facebook', jane('100004567891234', 'https://www.facebook.com/profile.php?id=100004567891234')).url).toBe(
      'https://www.facebook.com/messages/t/100004567891234',
    );
  });

  it('uses ig.me for Instagram, with no prefill in the URL', () => {
    expect(privateChannelFor('instagram', jane('jane_doe', 'https://www.instagram.com/jane_doe/'), { canMessage: true })).toEqual({
      url: 'https://ig.me/m/jane_doe',
      prefillSupported: false,
      alternative: null,
      alternativeUrl: null,
    });
  });

  it('messages a LinkedIn connection, and sends a non-connection a connection request instead', () => {
    const person = jane('jane-doe-1b2c3', 'https://www.linkedin.com/in/jane-doe-1b2c3/');
    expect(privateChannelFor('linkedin', person, { canMessage: true })).toEqual({
      url: 'https://www.linkedin.com/messaging/compose/?recipient=jane-doe-1b2c3',
      prefillSupported: false,
      alternative: null,
      alternativeUrl: null,
    });
    expect(privateChannelFor('linkedin', person, { canMessage: false })).toEqual({
      url: null,
      prefillSupported: false,
      alternative: 'connection-request',
      alternativeUrl: 'https://www.linkedin.com/in/jane-doe-1b2c3/',
    });
    expect(privateChannelFor('linkedin', person, { canMessage: 'unknown' }).alternative).toBe('connection-request');
  });

  it('never builds a link for an unknown person or a LinkedIn company page', () => {
    expect(privateChannelFor('x', jane('?', '')).url).toBeNull();
    expect(privateChannelFor('linkedin', jane('company/acme', 'https://www.linkedin.com/company/acme/')).alternative).toBe('public-ask');
    expect(privateChannelFor('instagram', jane('not a handle', '')).url).toBeNull();
  });
});
