/** Placeholder (issue 10): being built. */
export function TrainingsPage() {
  return null;
}
