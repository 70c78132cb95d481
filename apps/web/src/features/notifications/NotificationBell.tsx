/** Placeholder (issue 10): the header's notification bell, being built. */
export function NotificationBell() {
  return null;
}
