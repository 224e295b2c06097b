import { IConstruct } from "constructs";
import { HerokuPostgres } from "../../heroku-postgres";
import { LintFinding, LintRule } from "../lint-rule";

/** HF1: a production-like app's database is on an Essential plan. */
export const productionPostgresPlan: LintRule = {
  id: "HF1",
  check(node: IConstruct): LintFinding | undefined {
    if (!(node instanceof HerokuPostgres) || !node.app.productionLike || !node.plan.isEssential) return undefined;
    return {
      what: `production database on ${node.plan.name}`,
      why:
        "Essential plans share hardware, have row and connection limits and no point-in-time recovery, followers or " +
        "forks; use a Standard or Premium plan for production data.",
    };
  },
};
