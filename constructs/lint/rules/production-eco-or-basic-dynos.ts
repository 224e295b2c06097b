import { IConstruct } from "constructs";
import { dynoTierOf } from "../../private/rules";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, isProductionLike, synthesizedAs } from "../synthesized";

/**
 * HF6: a production-like app runs a process type on eco or basic dynos (a `heroku_formation` with one of them running).
 *
 * A warning, not an error: a small production app may accept the limits knowingly, and scaling to standard-1x is a
 * change in place.
 */
export const productionEcoOrBasicDynos: LintRule = {
  id: "HF6",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const formation = synthesizedAs(node, "heroku_formation");
    const size = String(formation?.attributes.size ?? "").toLowerCase();
    if (!formation || dynoTierOf(size) === "professional" || formation.attributes.quantity === 0) return undefined;
    const app = appOf(formation);
    if (!app || !isProductionLike(app)) return undefined;
    return {
      field: "size",
      value: formation.attributes.size,
      what: `production ${formation.attributes.type} dynos on ${size}`,
      why:
        "eco dynos sleep after 30 minutes without traffic (the next request waits for them to wake), and eco and " +
        "basic dynos run at most one dyno per process type, so a crash or a restart leaves it with none and it cannot " +
        "scale out under load; use standard-1x or larger for production.",
    };
  },
};
