import type { FastifyReply, FastifyRequest } from "fastify";
import { integer } from "./schemas";

/** `page` and `per_page`, as every paginated GitLab list takes them (`use :pagination`). */
export const paginationQuery = { page: integer, per_page: integer };

/** GitLab's page size when none is asked for, and the largest it serves. */
const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

/**
 * One page of a list, with the headers GitLab's offset pagination sends: `x-total`, `x-total-pages`, `x-page`,
 * `x-per-page`, `x-next-page` / `x-prev-page` (empty on the last / first page) and a `Link` header. A client that reads
 * only the first page misses what is beyond it, as it would on GitLab.
 */
export function paginate<T>(request: FastifyRequest, reply: FastifyReply, items: T[], baseUrl: string): T[] {
  const query = request.query as Record<string, string | number | undefined>;
  const asked = Number(query.per_page ?? DEFAULT_PER_PAGE);
  const perPage = asked < 1 ? DEFAULT_PER_PAGE : Math.min(asked, MAX_PER_PAGE);
  const page = Math.max(1, Number(query.page ?? 1));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const next = page < totalPages ? page + 1 : undefined;
  const prev = page > 1 && page <= totalPages ? page - 1 : undefined;

  const link = (target: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    params.set("page", String(target));
    params.set("per_page", String(perPage));
    return `${baseUrl}${request.url.split("?")[0]}?${params.toString()}`;
  };
  const links = [
    ...(prev ? [`<${link(prev)}>; rel="prev"`] : []),
    ...(next ? [`<${link(next)}>; rel="next"`] : []),
    `<${link(1)}>; rel="first"`,
    `<${link(totalPages)}>; rel="last"`,
  ];
  reply.headers({
    "x-page": String(page),
    "x-per-page": String(perPage),
    "x-total": String(items.length),
    "x-total-pages": String(totalPages),
    "x-next-page": next ? String(next) : "",
    "x-prev-page": prev ? String(prev) : "",
    link: links.join(", "),
  });
  return items.slice((page - 1) * perPage, page * perPage);
}
