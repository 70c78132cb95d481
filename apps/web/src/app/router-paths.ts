type FromState = { from?: { pathname?: string; search?: string } } | null;

/** Where to go after login: the page that sent the user to /login, else home. */
export function returnPath(state: unknown): string {
  const from = (state as FromState)?.from;
  if (!from?.pathname || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}`;
}
