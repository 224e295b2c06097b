import { Testing } from "cdktf";
import { Formation } from "../../.gen/providers/heroku/formation";
import { DynoSize, HerokuApp, HerokuFormation } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

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

  test("defaults to one web dyno, in what is synthesized", () => {
    const { app: root, stack } = testStack();
    const app = new HerokuApp(stack, "App", { name: "songlist" });
    new HerokuFormation(stack, "Web", { app, size: DynoSize.BASIC });
    expect(problemsOf(root)).toBe("");
    const [formation] = resourcesOf(synthesize(stack), "heroku_formation");
    expect(formation).toEqual({
      app_id: expect.stringMatching(/^\$\{heroku_app\.App_\w+\.id\}$/),
      type: "web",
      size: "basic",
      quantity: 1,
    });
  });

  test("sizes are case-insensitive and enum-like: the API's spelling is synthesized in lowercase", () => {
    const { app: root, stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist" }).addFormation("web", DynoSize.of("Performance-L"), 2);
    expect(problemsOf(root)).toBe("");
    expect(resourcesOf(synthesize(stack), "heroku_formation")[0].size).toBe("performance-l");
    expect(DynoSize.of("Performance-L").isKnown).toBe(true);
    expect(DynoSize.of("hobby").isKnown).toBe(false);
    expect(DynoSize.BASIC.maxQuantity).toBe(1);
    expect(DynoSize.PERFORMANCE_M.maxQuantity).toBeUndefined();
  });

  test("a second basic dyno of one process type is refused; one is accepted", () => {
    const reportFor = (quantity: number) => {
      const { app: root, stack } = testStack();
      new HerokuApp(stack, "App", { name: "songlist" }).addFormation("web", DynoSize.BASIC, quantity);
      return problemsOf(root);
    };
    expect(reportFor(2)).toMatch(/\[test\/App\/Formation-web\] quantity: 2 must be at most 1 for basic dynos/);
    expect(reportFor(1)).toBe("");
  });

  test("a quantity of 0 stops the process type and is valid", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist" }).addFormation("worker", DynoSize.STANDARD_2X, 0);
    expect(problemsOf(app)).toBe("");
  });
});
