// @ts-nocheck
import { isProductionLike } from "../../constructs";

describe("isProductionLike: the one rule for production data", () => {
  test.each([
    [{ stage: "production" }, true],
    [{ name: "production" }, true],
    [{ name: "Production" }, true],
    [{ name: "PRODUCTION", stage: "staging" }, true],
    [{ name: "production-eu", stage: "staging" }, false],
    [{ name: "staging", stage: "staging" }, false],
    [{ name: "review-42", stage: "review" }, false],
    [{}, false],
    [{ name: "production", stage: "production", productionLike: false }, false],
    [{ name: "qa", stage: "development", productionLike: true }, true],
  ])("%j → %s", (facts, expected) => {
    expect(isProductionLike(facts)).toBe(expected);
  });
});
