// @ts-nocheck
import { Testing } from "cdktf";
import { Formation } from "../../.gen/providers/heroku/formation";
import { DynoSize, HerokuApp, HerokuFormation } from "../../constructs";
import { problemsOf, testStack } from "../support/stacks";

describe("HerokuFormation", () => {
  test("scales one process type to a size and quantity", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist" }).addFormation("web", DynoSize.STANDARD_1X, 2);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Formation, {
      type: "web",
      size: "standard-1x",
      quantity: 2,
    });
  });

  test("defaults to one web dyno", () => {
    const { stack } = testStack();
    const app = new HerokuApp(stack, "App", { name: "songlist" });
    const formation = new HerokuFormation(stack, "Web", { app, size: DynoSize.BASIC });
    expect([formation.type, formation.quantity]).toEqual(["web", 1]);
  });

  test("sizes are case-insensitive and enum-like", () => {
    expect(DynoSize.of("Performance-L").name).toBe("performance-l");
    expect(DynoSize.of("Performance-L").isKnown).toBe(true);
    expect(DynoSize.of("hobby").isKnown).toBe(false);
    expect(DynoSize.BASIC.maxQuantity).toBe(1);
    expect(DynoSize.PERFORMANCE_M.maxQuantity).toBeUndefined();
  });

  test("a quantity of 0 stops the process type and is valid", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist" }).addFormation("worker", DynoSize.STANDARD_2X, 0);
    expect(problemsOf(app)).toBe("");
  });
});
