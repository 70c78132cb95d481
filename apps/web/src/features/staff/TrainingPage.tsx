/** Placeholder (issue 10): being built. */
export function TrainingPage() {
  return null;
}
