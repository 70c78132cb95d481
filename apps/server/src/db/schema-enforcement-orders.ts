// Table types of this part of issue 7; merged into Database in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the tables exist
export interface EnforcementOrderTables {}
