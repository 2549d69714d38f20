import type { Page } from 'playwright-core';
import type { XPerson } from '../pages/x-direct-message';

/** The owner of the mailbox in the saved LinkedIn thread (`fixturePages.linkedinThread`): us. */
export const LINKEDIN_THREAD_OWNER = 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew';

/**
 * A message arriving live in the saved LinkedIn thread, as LinkedIn's script adds one: a copy of the
 * thread's first message group with a new message URN (which carries its send time), from her or from us.
 */
export function arriveLinkedInMessage(page: Page, from: 'her' | 'us', text: string): Promise<void> {
  return page.evaluate(
    ({ from, text, owner }) => {
      const groups = document.querySelectorAll('li.msg-s-message-list__event');
      const template = groups[0];
      if (!template) throw new Error('no message group on the page');
      const copy = template.cloneNode(true) as Element;
      const id = btoa(`${Date.now()}b58769-${Math.floor(Math.random() * 1000)}&cf2a035c-5309-4afa-9d01-f274a4566e30_013`);
      copy.querySelector('[data-event-urn]')?.setAttribute('data-event-urn', `urn:li:msg_message:(urn:li:fsd_profile:${owner},2-${id})`);
      if (from === 'us') {
        for (const link of copy.querySelectorAll('a[href*="/in/"]')) link.setAttribute('href', `https://www.linkedin.com/in/${owner}`);
        const name = copy.querySelector('.msg-s-message-group__name');
        if (name) name.textContent = 'Alejo Scotti';
      }
      const body = copy.querySelector('.msg-s-event-listitem__body');
      if (body) body.textContent = text;
      groups[groups.length - 1]?.after(copy);
    },
    { from, text, owner: LINKEDIN_THREAD_OWNER },
  );
}

/**
 * A reply arriving under our own post on the saved X status page, the way X's script adds one: a copy of
 * the last reply with another author, id and text.
 */
export function arriveXReply(page: Page, person: XPerson, text: string, tweetId: string): Promise<void> {
  return page.evaluate(
    ({ person, text, tweetId }) => {
      const last = [...document.querySelectorAll('div.tweet[data-screen-name="Gisusete"]')].at(-1);
      const item = last?.closest('li') ?? last;
      if (!item || !last) throw new Error('no reply to copy');
      const copy = item.cloneNode(true) as HTMLElement;
      const tweet = copy.matches('div.tweet') ? copy : copy.querySelector('div.tweet');
      if (!tweet) throw new Error('no tweet in the copy');
      tweet.setAttribute('data-screen-name', person.handle);
      tweet.setAttribute('data-name', person.name);
      tweet.setAttribute('data-tweet-id', tweetId);
      tweet.setAttribute('data-item-id', tweetId);
      tweet.setAttribute('data-permalink-path', `/${person.handle}/status/${tweetId}`);
      for (const name of tweet.querySelectorAll('.fullname')) name.textContent = person.name;
      for (const handle of tweet.querySelectorAll('.username b')) handle.textContent = person.handle;
      for (const link of tweet.querySelectorAll('a.account-group')) link.setAttribute('href', `/${person.handle}`);
      const body = tweet.querySelector('.tweet-text');
      if (body) body.textContent = text;
      item.after(copy);
    },
    { person, text, tweetId },
  );
}
