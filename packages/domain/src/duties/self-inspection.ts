// Placeholder: filled by the issue-6 work on this part (see docs/ARCHITECTURE.md).
export {};
