/**
 * GitLab's offset pagination, in-process: which slice a page is, and every header GitLab sends with it (`x-*` and the
 * `Link` header a client follows), at the edges of `page` and `per_page`.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { paginate } from "../../sandbox/gitlab/routes/pagination";

const BASE = "http://127.0.0.1:9/api/v4";

/** Paginates `count` numbers for a request with `query` on `url`; returns the page and the headers sent. */
function page(count: number, query: Record<string, string | number | undefined>, url = "/projects/1/issues") {
  let headers: Record<string, string> = {};
  const reply = { headers: (sent: Record<string, string>) => (headers = sent) } as unknown as FastifyReply;
  const request = { query, url } as unknown as FastifyRequest;
  const items = paginate(
    request,
    reply,
    Array.from({ length: count }, (_, i) => i + 1),
    BASE,
  );
  return { items, headers };
}

const linkTo = (query: string) => `<${BASE}/projects/1/issues?${query}>`;

test("without page or per_page: the first 20, and headers for the first of several pages", () => {
  const { items, headers } = page(45, {});
  expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(headers).toEqual({
    "x-page": "1",
    "x-per-page": "20",
    "x-total": "45",
    "x-total-pages": "3",
    "x-next-page": "2",
    "x-prev-page": "",
    link: [
      `${linkTo("page=2&per_page=20")}; rel="next"`,
      `${linkTo("page=1&per_page=20")}; rel="first"`,
      `${linkTo("page=3&per_page=20")}; rel="last"`,
    ].join(", "),
  });
});

test("a middle page links both ways and keeps the other query parameters", () => {
  const { items, headers } = page(45, { state: "opened", page: 2, per_page: 10, labels: undefined });
  expect(items).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  expect(headers["x-next-page"]).toBe("3");
  expect(headers["x-prev-page"]).toBe("1");
  expect(headers["x-total-pages"]).toBe("5");
  expect(headers.link.split(", ")).toEqual([
    `${linkTo("state=opened&page=1&per_page=10")}; rel="prev"`,
    `${linkTo("state=opened&page=3&per_page=10")}; rel="next"`,
    `${linkTo("state=opened&page=1&per_page=10")}; rel="first"`,
    `${linkTo("state=opened&page=5&per_page=10")}; rel="last"`,
  ]);
});

test("the last page has no next; a page past the end is empty and has neither", () => {
  const last = page(45, { page: 3 });
  expect(last.items).toEqual([41, 42, 43, 44, 45]);
  expect(last.headers["x-next-page"]).toBe("");
  expect(last.headers["x-prev-page"]).toBe("2");
  const beyond = page(45, { page: 4 });
  expect(beyond.items).toEqual([]);
  expect(beyond.headers["x-next-page"]).toBe("");
  expect(beyond.headers["x-prev-page"]).toBe("");
  expect(beyond.headers["x-page"]).toBe("4");
});

test("per_page is at most 100, and below 1 means the default; page below 1 means the first", () => {
  expect(page(250, { per_page: 500 }).headers["x-per-page"]).toBe("100");
  expect(page(250, { per_page: 500 }).items).toHaveLength(100);
  expect(page(250, { per_page: 100 }).items).toHaveLength(100);
  expect(page(250, { per_page: 0 }).headers["x-per-page"]).toBe("20");
  expect(page(250, { per_page: 1 }).items).toEqual([1]);
  expect(page(250, { page: 0 }).headers["x-page"]).toBe("1");
  expect(page(250, { page: -3 }).items[0]).toBe(1);
});

test("an empty list is one empty page, first and last", () => {
  const { items, headers } = page(0, {});
  expect(items).toEqual([]);
  expect(headers).toMatchObject({ "x-total": "0", "x-total-pages": "1", "x-next-page": "", "x-prev-page": "" });
  expect(headers.link).toBe(
    `${linkTo("page=1&per_page=20")}; rel="first", ${linkTo("page=1&per_page=20")}; rel="last"`,
  );
});

test("a list that fills its pages exactly has no extra page; the query string of the URL is not repeated", () => {
  const { headers } = page(40, { page: 2 }, "/projects/1/issues?page=2");
  expect(headers["x-total-pages"]).toBe("2");
  expect(headers["x-next-page"]).toBe("");
  expect(headers.link).toContain(`${linkTo("page=1&per_page=20")}; rel="prev"`);
});
