/** Placeholder (issue 9): being built. */
export function RollupPage() {
  return null;
}
