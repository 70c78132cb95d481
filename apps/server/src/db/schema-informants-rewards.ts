// Table types of informants and rewards (issue 8); merged into Database in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the tables exist
export interface InformantRewardTables {}
