/**
 * Heroku's `Range` header, parsed and applied in-process: what heroku-go sends for lists (releases newest first, one
 * at a time) and the edges of each part of `<field> [first]..[last]; max=N[,order=desc]`.
 */
import { applyRange, parseRange } from "../../sandbox/heroku/routes/range";

describe("parseRange", () => {
  test("no header: the default field, Heroku's page of 200, ascending", () => {
    expect(parseRange(undefined, "name")).toEqual({ field: "name", max: 200, order: "asc" });
    expect(parseRange("", "id")).toEqual({ field: "id", max: 200, order: "asc" });
  });

  test("what heroku-go sends for the newest release", () => {
    expect(parseRange("version ..; max=1,order=desc", "version")).toEqual({ field: "version", max: 1, order: "desc" });
  });

  test("bounds on either side, spaces around the parts, options in any order", () => {
    expect(parseRange("  name  a..m ;  order=desc , max=5 ", "id")).toEqual({
      field: "name",
      first: "a",
      last: "m",
      max: 5,
      order: "desc",
    });
    expect(parseRange("version 3..", "id")).toMatchObject({ field: "version", first: "3" });
    expect(parseRange("version 3..", "id").last).toBeUndefined();
    expect(parseRange("version ..7", "id")).toMatchObject({ field: "version", last: "7" });
    expect(parseRange("version ..7", "id").first).toBeUndefined();
    expect(parseRange("app.name", "id").field).toBe("app.name");
  });

  test("a spec it cannot read keeps the default field; options still apply", () => {
    expect(parseRange("not a range; max=3", "name")).toEqual({ field: "name", max: 3, order: "asc" });
    expect(parseRange("a b c", "name").field).toBe("name");
  });

  test.each([
    ["max=0", 200],
    ["max=-1", 200],
    ["max=2.5", 200],
    ["max=abc", 200],
    ["max=1000", 1000],
    ["max=1001", 1000],
    ["max=1", 1],
  ])("%s: a page of %i", (option, max) => {
    expect(parseRange(`id ..; ${option}`, "id").max).toBe(max);
  });

  test("an order other than asc or desc is ignored; unknown options too", () => {
    expect(parseRange("id ..; order=random", "id").order).toBe("asc");
    expect(parseRange("id ..; order=desc,foo=bar", "id").order).toBe("desc");
    expect(parseRange("id ..; order=asc", "id").order).toBe("asc");
    expect(parseRange("id ..; max=5", "id").order).toBe("asc");
    expect(parseRange("id ..; sort=desc", "id").order).toBe("asc");
    expect(parseRange("id ..; max=10,page=2", "id").max).toBe(10);
  });
});

describe("applyRange", () => {
  const versions = [3, 1, 10, 2].map((version) => ({ version }));
  const byVersion = (item: { version: number }) => item.version;
  const range = (header: string) => parseRange(header, "version");
  const apply = (header: string) => applyRange(versions, range(header), byVersion).map(byVersion);

  test("sorted by the key, numbers as numbers, without changing the input", () => {
    expect(apply("")).toEqual([1, 2, 3, 10]);
    expect(apply("version ..; order=desc")).toEqual([10, 3, 2, 1]);
    expect(versions.map(byVersion)).toEqual([3, 1, 10, 2]);
  });

  test("bounds are inclusive, compared numerically for numeric keys", () => {
    expect(apply("version 2..3")).toEqual([2, 3]);
    expect(apply("version 3..")).toEqual([3, 10]);
    expect(apply("version ..2")).toEqual([1, 2]);
  });

  test("descending, the first bound is the high end", () => {
    expect(apply("version 3..; order=desc")).toEqual([3, 2, 1]);
    expect(apply("version ..2; order=desc")).toEqual([10, 3, 2]);
    expect(apply("version 10..2; order=desc")).toEqual([10, 3, 2]);
  });

  test("max cuts after sorting and bounds: the newest release alone", () => {
    expect(apply("version ..; max=1,order=desc")).toEqual([10]);
    expect(apply("version 2..; max=2")).toEqual([2, 3]);
  });

  test("string keys compare as strings", () => {
    const names = ["beta", "alpha", "gamma"].map((name) => ({ name }));
    const apply = (header: string) =>
      applyRange(names, parseRange(header, "name"), (item) => item.name).map((item) => item.name);
    expect(apply("name ..; order=desc")).toEqual(["gamma", "beta", "alpha"]);
    expect(apply("name b..")).toEqual(["beta", "gamma"]);
    expect(apply("name ..beta")).toEqual(["alpha", "beta"]);
  });
});
