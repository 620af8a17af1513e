/**
 * A page's `@odata.nextLink`, read from its text without parsing the page, so the next page's
 * request can go out while this one is parsed. Graph writes the link before the `value` array
 * (https://learn.microsoft.com/graph/paging), so the search stops early. JSON escapes every
 * quote inside a string, so the pattern only matches a key and its string value; it may still be
 * a key inside a row, not the page's own: the caller compares with the parsed link and drops a
 * wrong guess. null when there is none.
 */
export function nextLinkAhead(text: string): string | null {
  const match = nextLinkPattern.exec(text);
  if (!match) return null;
  try {
    return JSON.parse(`"${match[1]!}"`) as string;
  } catch {
    return null;
  }
}

const nextLinkPattern = /"@odata\.nextLink"\s*:\s*"((?:[^"\\]|\\.)*)"/;
