import type { DBSchema } from 'idb';
import type {
  Contact,
  Conversation,
  FollowUp,
  Identity,
  KnowledgeArticle,
  Message,
  Note,
  ReplyTemplate,
  SlaPolicy,
  SyncedStoreName,
} from '@/lib/model';
import type { OutboxRow } from './outbox-pages';
import type { QueueEntry } from './queue';
import type { QuarantinedChange } from './quarantine';
import type { MetricsRow } from './metrics-store';

export const DB_NAME = 'replyline';

export interface ReplylineSchema extends DBSchema {
  contacts: { key: string; value: Contact; indexes: { 'by-last-seen': string; 'by-tag': string } };
  identities: {
    key: string;
    value: Identity;
    indexes: { 'by-site-handle': [string, string]; 'by-contact': string };
  };
  notes: { key: string; value: Note; indexes: { 'by-contact': [string, string] } };
  conversations: {
    key: string;
    value: Conversation;
    indexes: { 'by-status': string; 'by-due': string; 'by-thread': [string, string]; 'by-contact': string };
  };
  messages: {
    key: string;
    value: Message;
    indexes: { 'by-conversation': [string, string]; 'by-fingerprint': [string, string] };
  };
  slaPolicies: { key: string; value: SlaPolicy; indexes: { 'by-order': number } };
  templates: { key: string; value: ReplyTemplate; indexes: { 'by-shortcut': string } };
  articles: { key: string; value: KnowledgeArticle };
  followUps: { key: string; value: FollowUp; indexes: { 'by-due': string; 'by-contact': string } };
  /** One entry per record with unpushed writes (see outbox-append.ts), in rows of their own or in pages (outbox-pages.ts). */
  outbox: {
    key: number;
    value: OutboxRow;
    indexes: { 'by-record': [string, string]; 'by-page': number; 'by-page-record': [string, string] };
  };
  /** Derived, local only: the pending queue (see queue.ts). */
  queue: {
    key: string;
    value: QueueEntry;
    indexes: {
      'by-order': [number, number];
      'by-status': string;
      'by-waiting-due': number;
      'by-waiting-warn': number;
      'by-stale': number;
      'by-instant': number;
      'by-alert': number;
    };
  };
  /** Derived, local only: what the dashboard's metrics read of each live conversation (see metrics-store.ts). */
  metrics: { key: string; value: MetricsRow; indexes: { 'by-last': number } };
  /** Local changes the team server refused (see quarantine.ts), by mutation id. */
  quarantine: { key: string; value: QuarantinedChange; indexes: { 'by-time': string } };
  meta: { key: string; value: unknown };
}

export type StoreRecord<S extends SyncedStoreName> = ReplylineSchema[S]['value'];
