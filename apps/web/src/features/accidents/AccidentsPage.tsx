/** Placeholder (issue 10): being built. */
export function AccidentsPage() {
  return null;
}
