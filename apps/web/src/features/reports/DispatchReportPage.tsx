/** Placeholder (issue 9): being built. */
export function DispatchReportPage() {
  return null;
}
