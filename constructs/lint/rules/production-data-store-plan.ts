import { IConstruct } from "constructs";
import { isHobbyGradeDataStore } from "../../private/addon-services";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, isProductionLike, synthesizedAs } from "../synthesized";

/**
 * HF1: a production-like app's data store (a `heroku_addon` of Postgres, Key-Value Store, Kafka, …) is on a
 * hobby-grade plan (`heroku-postgresql:essential-0`, `heroku-redis:mini`, …; the list is `ADDON_SERVICES`). It began
 * as the Postgres rule and kept its id, so that suppressions written for it still hold.
 *
 * A warning, not an error: a small production app may accept the limits knowingly, and the plan can be changed in
 * place later (`heroku addons:upgrade`).
 */
export const productionDataStorePlan: LintRule = {
  id: "HF1",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const addon = synthesizedAs(node, "heroku_addon");
    const plan = String(addon?.attributes.plan ?? "");
    if (!addon || !isHobbyGradeDataStore(plan)) return undefined;
    const app = appOf(addon);
    if (!app || !isProductionLike(app)) return undefined;
    return {
      field: "plan",
      value: plan,
      what: `production data store on ${plan}`,
      why:
        "hobby-grade plans share hardware, have small size and connection limits, and no high availability, " +
        "point-in-time recovery, followers or forks; use a dedicated plan (heroku-postgresql:standard-0, " +
        "heroku-redis:premium-0, …) for production data.",
    };
  },
};
