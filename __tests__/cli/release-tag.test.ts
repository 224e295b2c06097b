import { releaseTagRegex } from "../../cli/ci";

/** Whether GitLab's rule (an RE2 literal; its syntax agrees with JavaScript's for what is generated) matches `tag`. */
function matches(regex: string, tag: string): boolean {
  return new RegExp(regex.slice(1, -1)).test(tag);
}

describe("releaseTagRegex", () => {
  test.each([
    ["v*", "/^v/"],
    ["release-*", "/^release-/"],
    ["release/*", "/^release\\//"],
    ["v1.*-rc", "/^v1\\..*-rc$/"],
    ["stable", "/^stable$/"],
    ["*", "/^/"],
  ])("%s → %s", (pattern, regex) => {
    expect(releaseTagRegex(pattern)).toBe(regex);
  });

  test("matches what GitLab's protected-tag wildcard matches, and nothing more", () => {
    const cases: Array<[string, string, boolean]> = [
      ["v*", "v1.0.0", true],
      ["v*", "release-v1", false],
      ["v1.*-rc", "v1.2-rc", true],
      ["v1.*-rc", "v1x2-rc", false],
      ["v1.*-rc", "v1.2-rc2", false],
      ["a+b(c)|d{1}$*", "a+b(c)|d{1}$x", true],
      ["a+b(c)|d{1}$*", "aab(c)|d{1}$x", false],
      ["stable", "stable-2", false],
    ];
    for (const [pattern, tag, expected] of cases) {
      expect({ pattern, tag, matches: matches(releaseTagRegex(pattern), tag) }).toEqual({
        pattern,
        tag,
        matches: expected,
      });
    }
  });

  test.each([
    ["", /it is empty/],
    ["v?", /"\?" is not allowed in a git tag name/],
    ["v[0-9]*", /"\[" is not allowed/],
    ["v 1", /" " is not allowed/],
    ["v..*", /"\.\." is not allowed/],
    ["a\\b", /"\\\\" is not allowed/],
  ])("refuses %j with the reason and what to write instead", (pattern, reason) => {
    expect(() => releaseTagRegex(pattern)).toThrow(reason);
    expect(() => releaseTagRegex(pattern)).toThrow(/cannot become a GitLab rule: .*\(e\.g\. "v\*"\)/);
  });
});
