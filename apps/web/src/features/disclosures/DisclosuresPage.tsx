/** Placeholder (issue 10): being built. */
export function DisclosuresPage() {
  return null;
}
