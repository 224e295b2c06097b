import { PAGE_SIZE } from "../models/catalog";
import { CircleciError } from "./exceptions";

/** One page of a CircleCI list: `items` and the token of the next page, `null` on the last. */
export interface Page<T> {
  items: T[];
  next_page_token: string | null;
}

const TOKEN_PREFIX = "offset:";

/**
 * One page of `items`, after the `page-token` a client sent back (absent or empty: the first page). The token is
 * opaque to clients, as CircleCI's is; one the sandbox did not issue is refused with 400.
 */
export function paginate<T>(items: T[], pageToken: string | undefined): Page<T> {
  let offset = 0;
  if (pageToken) {
    const decoded = Buffer.from(pageToken, "base64url").toString("utf8");
    const digits = decoded.startsWith(TOKEN_PREFIX) ? decoded.slice(TOKEN_PREFIX.length) : "";
    if (!/^\d+$/.test(digits)) throw new CircleciError(400, `Invalid page-token: "${pageToken}"`);
    offset = Number(digits);
  }
  const end = offset + PAGE_SIZE;
  return {
    items: items.slice(offset, end),
    next_page_token: end < items.length ? Buffer.from(`${TOKEN_PREFIX}${end}`).toString("base64url") : null,
  };
}

/** The `page-token` query parameter of a request, if any. */
export function pageTokenOf(query: unknown): string | undefined {
  const token = (query as Record<string, unknown> | undefined)?.["page-token"];
  return typeof token === "string" ? token : undefined;
}
