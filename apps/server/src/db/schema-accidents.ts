// Table types (issue 10); merged into Database in schema.ts. Placeholder: being built.

export type AccidentTables = Record<never, never>;
