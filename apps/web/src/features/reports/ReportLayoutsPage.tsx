/** Placeholder (issue 9): being built. */
export function ReportLayoutsPage() {
  return null;
}
