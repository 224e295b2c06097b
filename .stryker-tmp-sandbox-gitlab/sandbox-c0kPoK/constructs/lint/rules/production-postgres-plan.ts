// @ts-nocheck
import { IConstruct } from "constructs";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, isProductionLike, synthesizedAs } from "../synthesized";

/** HF1: a production-like app's database (a `heroku_addon`) is on an Essential plan. */
export const productionPostgresPlan: LintRule = {
  id: "HF1",
  check(node: IConstruct): LintFinding | undefined {
    const addon = synthesizedAs(node, "heroku_addon");
    const plan = String(addon?.attributes.plan ?? "");
    if (!addon || !plan.startsWith("heroku-postgresql:essential-")) return undefined;
    const app = appOf(addon);
    if (!app || !isProductionLike(app)) return undefined;
    return {
      what: `production database on ${plan}`,
      why:
        "Essential plans share hardware, have row and connection limits and no point-in-time recovery, followers or " +
        "forks; use a Standard or Premium plan for production data.",
    };
  },
};
