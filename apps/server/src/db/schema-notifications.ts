// Table types (issue 10); merged into Database in schema.ts. Placeholder: being built.

export type NotificationTables = Record<never, never>;
