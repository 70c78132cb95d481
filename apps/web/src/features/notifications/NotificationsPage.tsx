/** Placeholder (issue 10): being built. */
export function NotificationsPage() {
  return null;
}
