import type { Generated, Selectable } from 'kysely';

// Table types of the notification centre (issue 10 item 4); merged into Database in schema.ts.

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  subject_type: string;
  subject_id: number;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
}

export type NotificationRow = Selectable<NotificationTable>;
