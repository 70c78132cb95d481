/** Placeholder (issue 10): being built. */
export function AccidentPage() {
  return null;
}
