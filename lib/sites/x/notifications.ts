/**
 * Notifications and mentions (/notifications, /notifications/mentions, /mentions): an inbox of the
 * posts addressed to us, one row each, keyed by the post's own page key. The notices around them
 * (likes, follows) are not posts and have no row.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { inboxRow, xMisses, type InboxRow } from './common';
import { isLegacyPage, readArticle, readVisibleLegacyTweets, topLevelArticles, type ReadPost } from './posts';
import { statusThreadKey } from './urls';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';

function rowOfPost(post: ReadPost): InboxRow {
  // X does not mark single posts as unread in the page: the tab's badge counts them, not the rows.
  return inboxRow(statusThreadKey(post.statusId), post.author, post.text, false, post.at);
}

export function readNotifications(doc: Document, misses: string[]): InboxRow[] {
  const posts = isLegacyPage(doc)
    ? readVisibleLegacyTweets(all(doc, selectors.legacyTweet.selector))
    : topLevelArticles(doc)
        .filter((article) => !article.matches(unsaved.notificationArticle.selector))
        .map(readArticle)
        .filter((post) => post !== undefined);
  const rows = posts.map(rowOfPost);
  if (rows.length === 0) misses.push(xMisses.inbox);
  else misses.push(xMisses.inboxUnread);
  return rows;
}
