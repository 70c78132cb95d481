/** Placeholder (issue 10): being built. */
export function StaffPage() {
  return null;
}
