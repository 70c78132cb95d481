/** Placeholder (issue 10): being built. */
export function DisclosurePage() {
  return null;
}
