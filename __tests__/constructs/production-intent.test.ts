/**
 * A HerokuApp's production intent reaches the lint rules: what the app declares (its environment, or `productionLike`)
 * decides, and only an app that declares nothing is judged by its pipeline coupling, like a raw `heroku_app`.
 */
import { Aspects } from "cdktf";
import { HerokuApp, HerokuAppProps, HerokuFlowChecks, HerokuPipeline } from "../../constructs";
import { testStack, warningsOf } from "../support/stacks";

/** The HF2 warnings of an app with `props` (and no prevent_destroy) coupled at `stage`. */
function hf2For(props: Partial<HerokuAppProps>, stage: "staging" | "production"): string[] {
  const { stack } = testStack();
  Aspects.of(stack).add(new HerokuFlowChecks());
  const app = new HerokuApp(stack, "App", { name: "acme-web", preventDestroy: false, ...props });
  new HerokuPipeline(stack, "Pipeline", { name: "acme" }).addApp(app, stage);
  return warningsOf(stack).filter((warning) => warning.startsWith("[HF2]"));
}

const HF2 = expect.stringMatching(/^\[HF2\] production app without prevent_destroy/);

test("an app that declares nothing is production-like when coupled at production", () => {
  expect(hf2For({}, "production")).toEqual([HF2]);
  expect(hf2For({}, "staging")).toEqual([]);
});

test("an app of the production environment is production-like wherever it is coupled", () => {
  expect(hf2For({ environment: "production" }, "staging")).toEqual([HF2]);
});

test("an app that says it is not production-like is not, even coupled at production", () => {
  expect(hf2For({ productionLike: false }, "production")).toEqual([]);
  expect(hf2For({ environment: "production", productionLike: false }, "production")).toEqual([]);
});

test("an app that says it is production-like is, even coupled at staging", () => {
  expect(hf2For({ environment: "qa", productionLike: true }, "staging")).toEqual([HF2]);
});
