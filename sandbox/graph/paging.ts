import { graphError, type GraphReply, type RequestIds } from './reply';

/** Graph's server-driven paging: `$top` asks for a page size, `$skiptoken` carries the cursor. */
export type Page = { start: number; end: number; nextLink: string | null };

function decodeSkipToken(token: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const offset = typeof parsed === 'object' && parsed !== null && 'o' in parsed ? (parsed as { o: unknown }).o : undefined;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : null;
  } catch {
    return null;
  }
}

/**
 * The slice of `total` items this request gets, and the @odata.nextLink to the rest. The link
 * repeats the request's other query options ($select...), as Graph's do.
 */
export function pageOf(
  query: URLSearchParams,
  ids: RequestIds,
  options: { total: number; defaultSize: number; maxSize: number; path: string },
): Page | GraphReply {
  const topText = query.get('$top');
  const top = topText === null ? options.defaultSize : Number(topText);
  if (!Number.isInteger(top) || top < 1) return graphError(ids, 400, 'BadRequest', `Invalid value '${topText ?? ''}' for $top query option found.`);
  const size = Math.min(top, options.maxSize);
  const skipToken = query.get('$skiptoken');
  const start = skipToken === null ? 0 : decodeSkipToken(skipToken);
  if (start === null) return graphError(ids, 400, 'BadRequest', 'The $skiptoken value is not valid.');
  const end = Math.min(start + size, options.total);
  if (end >= options.total) return { start, end, nextLink: null };
  const next = new URLSearchParams(query);
  next.set('$top', String(size));
  next.set('$skiptoken', Buffer.from(JSON.stringify({ o: end })).toString('base64url'));
  return { start, end, nextLink: `${options.path}?${next.toString().replace(/%24/g, '$').replace(/%2C/g, ',')}` };
}

export const isPageError = (value: Page | GraphReply): value is GraphReply => 'status' in value;
