import { IConstruct } from "constructs";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, isProductionLike, resourcesOfApp, synthesizedAs } from "../synthesized";

const WHY =
  "Heroku's router answers every request to an app without a running web dyno with an error page (H14, no web dynos " +
  "running); scale web to at least 1 (an app that serves no HTTP, such as a worker-only app, suppresses this rule).";

/**
 * HF5: a production-like app whose formation runs no `web` dyno: its `web` `heroku_formation` is at 0, or the formation
 * Terraform manages for it has no `web` process type at all. An app with no `heroku_formation` is skipped: Terraform
 * then leaves its dynos to Heroku, which scales `web` to 1 at the first release that declares it (the first deploy of
 * a HerokuFlow bootstrap, or an app whose formation is managed by hand).
 *
 * A warning, not an error: a production app may serve no HTTP at all (a worker consuming a queue).
 */
export const productionWithoutWebDynos: LintRule = {
  id: "HF5",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const formation = synthesizedAs(node, "heroku_formation");
    if (formation) {
      const app = appOf(formation);
      if (formation.attributes.type !== "web" || formation.attributes.quantity !== 0) return undefined;
      if (!app || !isProductionLike(app)) return undefined;
      return { field: "quantity", value: 0, what: "production app with web scaled to 0", why: WHY };
    }
    const app = synthesizedAs(node, "heroku_app");
    if (!app || !isProductionLike(app)) return undefined;
    const types = resourcesOfApp(app, "heroku_formation").map((managed) => String(managed.attributes.type));
    if (types.length === 0 || types.includes("web")) return undefined;
    return {
      field: "formation",
      value: types,
      what: `production app whose formation (${types.join(", ")}) has no web dynos`,
      why: WHY,
    };
  },
};
