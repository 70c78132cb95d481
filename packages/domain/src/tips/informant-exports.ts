// The informants and rewards part of tips (issue 8 items 5–6): reward rules, the reward-case
// workflow and the API schemas, exported from the package index with one line.
export * from './reward-rules.js';
export * from './informant-reward-workflow.js';
export * from './informant-api.js';
