/**
 * Test pages for Move to DM on X (no page of X's DMs was saved; see tests/fixtures/pages/README.md):
 *
 * - the person's profile, where X's own "Message" button (`data-testid="sendDMFromProfile"`, the test id
 *   X's web app gives it and public automation scripts click) opens the conversation. X needs a numeric
 *   user id for a compose link, which a status page does not show, so Move to DM lands here;
 * - the conversation page of X Messages before X Chat (x.com/messages/<id>-<id>, 2019–2025), in the shape
 *   public scrapers of it read and tests/unit/sites/x.test.ts copies: `DmActivityContainer`,
 *   `DM_Conversation_Header` with the profile link, `DmActivityViewport` of `messageEntry` items
 *   (text in `tweetText`), and the Draft.js box `dmComposerTextInput`, with a send button
 *   (`dmComposerSendButton`) that, like the site's, is enabled only when the box holds text. The page's
 *   script records a press of it in `data-sent` (the tests check nothing ever presses it).
 */

export interface XPerson {
  handle: string;
  name: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The signed-in account in the side navigation, as in x/home-2021-a.html. */
function accountSwitcher(me: XPerson): string {
  return `<nav role="navigation"><div aria-label="Account menu" role="button" tabindex="0" data-testid="SideNav_AccountSwitcher_Button"><div><div dir="auto"><span><span>${escapeHtml(me.name)}</span></span></div><div dir="ltr"><span>@${me.handle}</span></div></div></div></nav>`;
}

export function xProfilePage(person: XPerson, me: XPerson, conversationPath: string): string {
  return `<!DOCTYPE html><html dir="ltr" lang="en"><head><title>${escapeHtml(person.name)} (@${person.handle}) / X</title></head><body><div id="react-root">${accountSwitcher(me)}
<main role="main"><div data-testid="primaryColumn">
  <div data-testid="UserName"><div><div dir="ltr"><span><span>${escapeHtml(person.name)}</span></span></div></div><div><div dir="ltr"><span>@${person.handle}</span></div></div></div>
  <div data-testid="UserDescription" dir="auto"><span>Customer since 2021</span></div>
  <a href="${conversationPath}" role="button" aria-label="Message" data-testid="sendDMFromProfile"><span>Message</span></a>
</div></main></div></body></html>`;
}

export function xConversationPage(person: XPerson, me: XPerson, earlier: string): string {
  return `<!DOCTYPE html><html dir="ltr" lang="en"><head><title>Messages / X</title></head><body><div id="react-root">${accountSwitcher(me)}
<main role="main"><section aria-label="Section details"><div data-testid="DmActivityContainer">
  <div data-testid="DM_Conversation_Header"><a href="/${person.handle}"><span>${escapeHtml(person.name)}</span></a></div>
  <div data-testid="DmActivityViewport">
    <div data-testid="messageEntry"><div><a href="/${person.handle}" role="link"><img alt="" src="data:,"></a><div data-testid="tweetText" dir="auto"><span>${escapeHtml(earlier)}</span></div></div><div><time datetime="2017-06-20T10:00:00.000Z">Jun 20</time></div></div>
  </div>
  <div class="DraftEditor-root"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" aria-label="Start a new message" data-testid="dmComposerTextInput"><div data-contents="true"></div></div></div>
  <div role="button" aria-label="Send" aria-disabled="true" data-testid="dmComposerSendButton">Send</div>
</div></section></main></div>
<script>
  const box = document.querySelector('[data-testid="dmComposerTextInput"]');
  const send = document.querySelector('[data-testid="dmComposerSendButton"]');
  const update = () => send.setAttribute('aria-disabled', box.textContent.trim() === '' ? 'true' : 'false');
  box.addEventListener('input', update);
  send.addEventListener('click', () => { if (send.getAttribute('aria-disabled') === 'false') send.setAttribute('data-sent', 'true'); });
</script></body></html>`;
}
