import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { linkedin, linkedinMisses } from '@/lib/sites/linkedin';
import { documentFromHtml, fixtureUrl, loadFixture } from './fixtures';

function readFixture(name: string): PageContext {
  const context = linkedin.read(loadFixture(name), new URL(fixtureUrl(name)));
  // Whatever the page, the result is a valid PageContext.
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

function readHtml(html: string, url = 'https://www.linkedin.com/in/jane-doe-42/'): PageContext {
  return linkedin.read(documentFromHtml(html, url), new URL(url));
}

const eduardo = {
  handle: 'eduardo-alvarez-nowak',
  profileUrl: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
  displayName: 'Eduardo Alvarez Nowak',
};

describe('linkedin.read on saved profile pages', () => {
  it('profile-2024-own: name, headline, photo; "me" is the account the page shows', () => {
    const context = readFixture('linkedin/profile-2024-own.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      ...eduardo,
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      avatarUrl:
        'https://media.licdn.com/dms/image/C4E03AQHwKgpnjrXkZA/profile-displayphoto-shrink_400_400/0/1643017689481?e=1726099200&v=beta&t=Wew9-WaLMM3g5lKNGqyL2GSJXPG_4MZVm4yh4Uc7_yg',
    });
    // The fixtures README says this page was saved signed in as Eduardo himself, but the page says
    // otherwise: its Me menu photo is "Novare Potential", the embedded /voyager/api/me response is
    // novare-potential-7975a4243, and the top card offers "Invite Eduardo Alvarez Nowak to connect"
    // and "Message Eduardo" (a visitor's view). The adapter reports what the page shows.
    expect(context.me?.handle).toBe('novare-potential-7975a4243');
    expect(context.me?.displayName).toBe('Novare Potential');
    expect(context.me?.profileUrl).toBe('https://www.linkedin.com/in/novare-potential-7975a4243/');
    expect(context.me?.avatarUrl).toMatch(/^https:\/\/media\.licdn\.com\/dms\/image\/D4D03AQEdbHH23WlqOA\//);
    expect(context.misses).toEqual([]);
  });

  it('profile-2024-a: name and headline; the private profile picture is no avatar', () => {
    const context = readFixture('linkedin/profile-2024-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'sri-lalitha-jeevanige-35520a61',
      profileUrl: 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
      displayName: 'Sri Lalitha Jeevanige',
      headline: 'SAFe certified Scrum Master @ Swedbank | Pega Senior System Architect',
    });
    expect(context.misses).toEqual([linkedinMisses.avatar]);
    expect(context.me).toMatchObject(eduardo);
  });

  it('profile-2024-b: name, headline and photo; "me" from the page, not the viewer\'s photo as avatar', () => {
    const context = readFixture('linkedin/profile-2024-b.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'abgargulo',
      profileUrl: 'https://www.linkedin.com/in/abgargulo/',
      displayName: 'Abgar Gulo',
      headline: 'Board member of Mobvilla AB',
      avatarUrl:
        'https://media.licdn.com/dms/image/C5603AQFgT-mGmmzhnw/profile-displayphoto-shrink_400_400/0/1516239621324?e=1726099200&v=beta&t=9le5khM9sFIXNqhuEFIYCm_VHVri0d74VYiOqOAzSpQ',
    });
    expect(context.me).toMatchObject(eduardo);
    expect(context.me?.avatarUrl).toMatch(/profile-displayphoto-shrink_100_100\/0\/1643017689481/);
    expect(context.misses).toEqual([]);
  });

  it('profile-2024-public-a: the guest view has no headline line and no signed-in account', () => {
    const context = readFixture('linkedin/profile-2024-public-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'abgargulo',
      profileUrl: 'https://www.linkedin.com/in/abgargulo/',
      displayName: 'Abgar Gulo',
      avatarUrl:
        'https://media.licdn.com/dms/image/C5603AQFgT-mGmmzhnw/profile-displayphoto-shrink_200_200/0/1516239621248?e=2147483647&v=beta&t=Ha37tdu9KCdFflq06Whf6hzVjySD9GnXjE0tbk1bs1A',
    });
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([linkedinMisses.headline, linkedinMisses.me]);
  });

  it('the signed-in and the public page of one person give one identity', () => {
    const signedIn = readFixture('linkedin/profile-2024-b.html').person;
    const guest = readFixture('linkedin/profile-2024-public-a.html').person;
    expect(guest?.handle).toBe(signedIn?.handle);
    expect(guest?.profileUrl).toBe(signedIn?.profileUrl);
  });
});

describe('linkedin.read on other saved LinkedIn pages', () => {
  // These pages are read in full by linkedin-messaging.test.ts and linkedin-posts.test.ts; here,
  // only that the profile reader leaves them alone.
  it('messaging overlay fragment: a conversation, not a profile', () => {
    const context = readFixture('linkedin/messaging-thread-2023-overlay-a.html');
    expect(context.kind).toBe('conversation');
    expect(context.misses).not.toContain(linkedinMisses.topCard);
  });

  it('post comments fragment: a post, not a profile', () => {
    const context = readFixture('linkedin/post-comments-2021-a.html');
    expect(context.kind).toBe('post');
    expect(context.misses).not.toContain(linkedinMisses.topCard);
  });

  it('activity feed under a profile: whose feed it is from the URL, its name from the feed', () => {
    const context = readFixture('linkedin/feed-activity-2021-a.html');
    expect(context.kind).toBe('inbox');
    expect(context.person).toEqual({
      handle: 'acoaaah6tpgb0oi2v4zbspaoszuvpwl8dsy7upg',
      profileUrl: 'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/',
      displayName: 'Ashley Scheer',
    });
    expect(context.misses).toEqual([linkedinMisses.me]);
  });

  it('people search: other, signed in as Thomas Stone', () => {
    const context = readFixture('linkedin/search-results-2025-a.html');
    expect(context.kind).toBe('other');
    expect(context.person).toBeUndefined();
    expect(context.me).toMatchObject({
      handle: 'thomas-stone-947a72352',
      profileUrl: 'https://www.linkedin.com/in/thomas-stone-947a72352/',
      displayName: 'Thomas Stone',
    });
    expect(context.misses).toEqual([linkedinMisses.pageKind]);
  });
});

describe('linkedin.read on broken and unusual pages', () => {
  it('empty document: a profile known only by its URL, misses, no throw', () => {
    const context = readHtml('');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'jane-doe-42',
      profileUrl: 'https://www.linkedin.com/in/jane-doe-42/',
      displayName: '',
    });
    expect(context.misses).toEqual([
      linkedinMisses.topCard,
      linkedinMisses.name,
      linkedinMisses.headline,
      linkedinMisses.avatar,
      linkedinMisses.me,
    ]);
  });

  it('garbage HTML: no throw', () => {
    const garbage = '<<h1>>&&&;<main <section data-member-id=><h1 <img src=javascript:x alt="\u0000"></code><code id=';
    const context = readHtml(garbage);
    expect(pageContextSchema.safeParse(context).success).toBe(true);
    expect(context.person?.handle).toBe('jane-doe-42');
  });

  it('garbage embedded JSON for the signed-in account: no "me", no throw', () => {
    const context = readHtml(
      '<code id="datalet-bpr-guid-1">{"request":"/voyager/api/me","body":"bpr-guid-1"}</code>' +
        '<code id="bpr-guid-1">{"data": {"*miniProfile": 42}, "included": "nope"</code>',
    );
    expect(context.me).toBeUndefined();
    expect(context.misses).toContain(linkedinMisses.me);
  });

  it('no h1: the name comes from the page title, and the missing top card is reported', () => {
    const context = readHtml('<html><head><title>(3) Jane Doe | LinkedIn</title></head><body><main></main></body></html>');
    expect(context.kind).toBe('profile');
    expect(context.person?.displayName).toBe('Jane Doe');
    expect(context.person?.headline).toBeUndefined();
    expect(context.misses).toEqual(
      expect.arrayContaining([linkedinMisses.topCard, linkedinMisses.headline, linkedinMisses.avatar]),
    );
    expect(context.misses).not.toContain(linkedinMisses.name);
  });

  it('no h1: JSON-LD Person name about this profile is preferred over the title', () => {
    const jsonLd = JSON.stringify({
      '@context': 'http://schema.org',
      '@graph': [
        { '@type': 'Person', name: 'Someone Else', url: 'https://www.linkedin.com/in/someone-else' },
        { '@type': 'Person', name: 'Jane  Q. Doe', url: 'https://de.linkedin.com/in/Jane-Doe-42' },
      ],
    });
    const context = readHtml(
      `<html><head><title>Jane Doe - Chief Tester - ACME | LinkedIn</title>` +
        `<script type="application/ld+json">${jsonLd}</script></head><body></body></html>`,
    );
    expect(context.person?.displayName).toBe('Jane Q. Doe');
    expect(context.misses).toContain(linkedinMisses.topCard);
  });

  it('no h1: the public title "Name - Headline | LinkedIn" gives the name only', () => {
    const context = readHtml('<title>Jane Doe - Chief Tester - ACME | LinkedIn</title>');
    expect(context.person?.displayName).toBe('Jane Doe');
    expect(context.person?.headline).toBeUndefined();
  });

  it('an unknown top card: the name heading in main is still found', () => {
    const context = readHtml(
      '<main><div><section><h1>Jane Doe</h1><div class="text-body-medium">Tester</div></section></div></main>',
    );
    expect(context.person?.displayName).toBe('Jane Doe');
    expect(context.person?.headline).toBe('Tester');
    expect(context.misses).toContain(linkedinMisses.topCard);
  });

  it('no section at all: any visible h1 in main, skipping screen-reader-only ones', () => {
    const context = readHtml('<main><h1 class="visually-hidden">Profile</h1><div><h1>Jane Doe</h1></div></main>');
    expect(context.person?.displayName).toBe('Jane Doe');
  });

  it('an unexpected exception inside read becomes kind other with a miss describing it', () => {
    const hostile = {
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as Document;
    const context = linkedin.read(hostile, new URL('https://www.linkedin.com/in/jane-doe-42/'));
    expect(context).toEqual({ site: 'linkedin', kind: 'other', misses: ['read.error: Error: boom'] });
  });

  it('entities, no-break spaces, line breaks and screen-reader text: the text a person reads', () => {
    const context = readHtml(`
      <main><section data-member-id="7">
        <img class="pv-top-card-profile-picture__image" alt="Ana María O'Brien &amp; Co"
             src="/dms/image/abc/profile-displayphoto-shrink_400_400/0/1?e=1&amp;v=beta">
        <h1>
          Ana&nbsp;María
          O&#39;Brien &amp;
          Co<span class="visually-hidden">, verified</span>
        </h1>
        <span class="dist-value" aria-hidden="true">2nd</span>
        <div class="text-body-medium">Head of R&amp;D<br>at&nbsp;&nbsp;ACME &lt;Labs&gt;
          <img alt="🚀" src="/emoji.png"></div>
      </section></main>`);
    expect(context.person?.displayName).toBe("Ana María O'Brien & Co");
    expect(context.person?.headline).toBe('Head of R&D at ACME <Labs> 🚀');
    expect(context.person?.avatarUrl).toBe(
      'https://www.linkedin.com/dms/image/abc/profile-displayphoto-shrink_400_400/0/1?e=1&v=beta',
    );
  });

  it('on one\'s own profile the person and "me" are the same identity', () => {
    const meResponse = JSON.stringify({
      data: { '*miniProfile': 'urn:li:fs_miniProfile:1' },
      included: [{ entityUrn: 'urn:li:fs_miniProfile:1', publicIdentifier: 'jane-doe-42', firstName: 'Jane', lastName: 'Doe' }],
    });
    const context = readHtml(
      `<code id="datalet-bpr-guid-9">{"request":"/voyager/api/me","body":"bpr-guid-9"}</code>` +
        `<code id="bpr-guid-9">${meResponse.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</code>` +
        '<main><section data-member-id="1"><h1>Jane Doe</h1></section></main>',
      'https://www.linkedin.com/in/Jane-Doe-42/',
    );
    expect(context.person?.handle).toBe('jane-doe-42');
    expect(context.me).toEqual({
      handle: 'jane-doe-42',
      profileUrl: 'https://www.linkedin.com/in/jane-doe-42/',
      displayName: 'Jane Doe',
    });
  });

  it('a lazy public photo still waiting in data-delayed-url is the avatar', () => {
    const context = readHtml(
      '<section class="top-card-layout"><img class="top-card__profile-image" alt="Jane Doe" ' +
        'data-ghost-url="https://static.licdn.com/aero-v1/sc/h/ghost" src="https://static.licdn.com/aero-v1/sc/h/ghost" ' +
        'data-delayed-url="https://media.licdn.com/dms/image/x/profile-displayphoto-shrink_200_200/0/1"><h1>Jane Doe</h1></section>',
    );
    expect(context.person?.avatarUrl).toBe('https://media.licdn.com/dms/image/x/profile-displayphoto-shrink_200_200/0/1');
  });

  it('a ghost or placeholder photo is no avatar', () => {
    const ghostClass = readHtml(
      '<main><section data-member-id="7"><img class="pv-top-card-profile-picture__image ghost-person" ' +
        'alt="Jane Doe" src="https://media.licdn.com/dms/image/x/1"><h1>Jane Doe</h1></section></main>',
    );
    const staticAsset = readHtml(
      '<section class="top-card-layout"><img class="top-card__profile-image" alt="Jane Doe" ' +
        'src="https://static.licdn.com/aero-v1/sc/h/9c8pery4andzj6ohjkjp54ma2"><h1>Jane Doe</h1></section>',
    );
    expect(ghostClass.person?.avatarUrl).toBeUndefined();
    expect(staticAsset.person?.avatarUrl).toBeUndefined();
    expect(ghostClass.misses).toContain(linkedinMisses.avatar);
  });
});

describe('linkedin.composer', () => {
  it('no reply box on a profile', () => {
    expect(linkedin.composer(loadFixture('linkedin/profile-2024-b.html'))).toBeNull();
    expect(linkedin.composer(loadFixture('linkedin/profile-2024-public-a.html'))).toBeNull();
  });

  it('the message box of a messaging thread', () => {
    const composer = linkedin.composer(loadFixture('linkedin/messaging-thread-2023-overlay-a.html'));
    expect(composer?.classList.contains('msg-form__contenteditable')).toBe(true);
    expect(composer?.getAttribute('role')).toBe('textbox');
  });

  it('the comment editor, not its hidden clipboard twin', () => {
    for (const name of ['linkedin/post-comments-2021-a.html', 'linkedin/feed-activity-2021-a.html']) {
      const composer = linkedin.composer(loadFixture(name));
      expect(composer?.classList.contains('ql-editor'), name).toBe(true);
      expect(composer?.getAttribute('role'), name).toBe('textbox');
    }
  });

  it('prefers the editor that has the focus', () => {
    const html = ['first', 'second']
      .map((id) => `<div class="comments-comment-box"><div id="${id}" class="ql-editor" contenteditable="true" role="textbox"><p><br></p></div></div>`)
      .join('');
    const doc = documentFromHtml(html, 'https://www.linkedin.com/feed/');
    doc.getElementById('second')?.focus();
    expect(linkedin.composer(doc)?.id).toBe('second');
  });
});
