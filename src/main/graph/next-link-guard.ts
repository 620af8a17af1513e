/**
 * Remembers the next-page links followed so far: a link Graph already sent means the paging
 * loops, and following it would never end.
 */
export function nextLinkGuard(onRepeat: (url: string) => Error): (url: string) => void {
  const seen = new Set<string>();
  return (url) => {
    if (seen.has(url)) throw onRepeat(url);
    seen.add(url);
  };
}
