/** Placeholder (issue 10): being built. */
export function EnterpriseTrainingsPage() {
  return null;
}
