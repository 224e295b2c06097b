// @ts-nocheck
import { IConstruct } from "constructs";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, isProductionLike, SynthesizedResource, synthesizedAs } from "../synthesized";

/** HF2: a production-like `heroku_app`, or its Postgres `heroku_addon`, can be destroyed by a plan. */
export const productionPreventDestroy: LintRule = {
  id: "HF2",
  check(node: IConstruct): LintFinding | undefined {
    const app = synthesizedAs(node, "heroku_app");
    const addon = synthesizedAs(node, "heroku_addon");
    let kind: string | undefined;
    if (app && isProductionLike(app) && !preventsDestroy(app)) kind = "app";
    if (addon && String(addon.attributes.plan).startsWith("heroku-postgresql") && !preventsDestroy(addon)) {
      const owner = appOf(addon);
      if (owner && isProductionLike(owner)) kind = "database";
    }
    if (!kind) return undefined;
    return {
      what: `production ${kind} without prevent_destroy`,
      why:
        "a rename, a region change or a mistaken destroy would delete it and its data; prevent_destroy makes " +
        "Terraform refuse such a plan.",
    };
  },
};

function preventsDestroy(subject: SynthesizedResource): boolean {
  return subject.attributes.lifecycle?.prevent_destroy === true;
}
