/** Placeholder (issue 10): being built. */
export function PublicCasePage() {
  return null;
}
