const KNOWN_ROUTES = ['/', '/cart', '/checkout', '/products'];

/** Maps a request path to the known route it belongs to, or "other". */
export function normalizeRoute(pathname) {
  const first = '/' + (pathname.split('/')[1] ?? '');
  return KNOWN_ROUTES.includes(first) ? first : 'other';
}
