import type { MessageKey } from '@/lib/i18n/translate';

/**
 * What each recognition miss the site adapters report means to a person (the adapters' names, such
 * as 'inbox.author', are for developers: they stay in the row's title and in the exported tallies).
 */
const MISS_LABELS: Readonly<Record<string, MessageKey>> = {
  'profile.name': 'miss_profile_name',
  'profile.headline': 'miss_profile_headline',
  'profile.avatar': 'miss_profile_avatar',
  'profile.topCard': 'miss_profile_header',
  'profile.header': 'miss_profile_header',
  me: 'miss_me',
  'me.name': 'miss_me',
  'page.kind': 'miss_page_kind',
  conversation: 'miss_conversation_messages',
  'conversation.messages': 'miss_conversation_messages',
  'conversation.participants': 'miss_conversation_person',
  'conversation.person': 'miss_conversation_person',
  'conversation.direction': 'miss_conversation_direction',
  'message.author': 'miss_message_author',
  'messages.author': 'miss_message_author',
  post: 'miss_post_text',
  'post.text': 'miss_post_text',
  'post.id': 'miss_post_text',
  'post.author': 'miss_post_author',
  'post.at': 'miss_time',
  'comments.at': 'miss_time',
  comments: 'miss_comments',
  'comment.author': 'miss_comment_author',
  'comments.author': 'miss_comment_author',
  inbox: 'miss_inbox_rows',
  'inbox.rows': 'miss_inbox_rows',
  'inbox.row': 'miss_inbox_rows',
  'inbox.author': 'miss_inbox_person',
  'inbox.person': 'miss_inbox_person',
  'inbox.threadKey': 'miss_inbox_thread',
  'inbox.unread': 'miss_inbox_unread',
  'lead.profileLink': 'miss_lead_profile',
};

export function missLabelKey(miss: string): MessageKey {
  return MISS_LABELS[miss] ?? 'miss_other';
}
