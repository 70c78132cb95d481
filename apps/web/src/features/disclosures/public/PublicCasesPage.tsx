/** Placeholder (issue 10): being built. */
export function PublicCasesPage() {
  return null;
}
