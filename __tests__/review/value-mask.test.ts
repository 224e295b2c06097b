import { maskAt, maskCovers } from "../../cli/review/value-mask";

describe("maskAt: the part of a Terraform mask (after_unknown, *_sensitive) at a path", () => {
  const mask = { config_vars: { SECRET: true, PLAIN: false }, buildpacks: [false, true], whole: true };

  test("walks maps by key and lists by index", () => {
    expect(maskAt(mask, ["config_vars", "SECRET"])).toBe(true);
    expect(maskAt(mask, ["config_vars", "PLAIN"])).toBe(false);
    expect(maskAt(mask, ["buildpacks", 1])).toBe(true);
    expect(maskAt(mask, ["buildpacks", 0])).toBe(false);
    expect(maskAt(mask, ["config_vars"])).toEqual({ SECRET: true, PLAIN: false });
    expect(maskAt(mask, [])).toBe(mask);
  });

  test("true covers everything under it", () => {
    expect(maskAt(mask, ["whole", "deep", 3])).toBe(true);
    expect(maskAt(true, ["anything"])).toBe(true);
  });

  test("nothing where the mask stops, is false, or is absent", () => {
    expect(maskAt(mask, ["config_vars", "PLAIN", "deeper"])).toBeUndefined();
    expect(maskAt(mask, ["missing", "deeper"])).toBeUndefined();
    expect(maskAt(undefined, ["config_vars"])).toBeUndefined();
    expect(maskAt(mask, ["buildpacks", 5])).toBeUndefined();
  });

  test("maskCovers: only a true mask covers a path", () => {
    expect(maskCovers(mask, ["config_vars", "SECRET"])).toBe(true);
    expect(maskCovers(mask, ["config_vars"])).toBe(false);
    expect(maskCovers(mask, ["config_vars", "PLAIN"])).toBe(false);
    expect(maskCovers(undefined, [])).toBe(false);
  });
});
