// The triage part of tips (issue 8): the workflow table and the staff API schemas, exported from
// the package index with one line.
export * from './tip-workflow.js';
export * from './tip-triage-api.js';
