import { IConstruct } from "constructs";
import { HerokuApp } from "../../heroku-app";
import { HerokuPostgres } from "../../heroku-postgres";
import { LintFinding, LintRule } from "../lint-rule";

/** HF2: a production-like app or database can be destroyed by a plan. */
export const productionPreventDestroy: LintRule = {
  id: "HF2",
  check(node: IConstruct): LintFinding | undefined {
    const unprotected =
      (node instanceof HerokuApp && node.productionLike && !node.preventDestroy) ||
      (node instanceof HerokuPostgres && node.app.productionLike && !node.preventDestroy);
    if (!unprotected) return undefined;
    return {
      what: `production ${node instanceof HerokuApp ? "app" : "database"} without prevent_destroy`,
      why:
        "a rename, a region change or a mistaken destroy would delete it and its data; prevent_destroy makes " +
        "Terraform refuse such a plan.",
    };
  },
};
