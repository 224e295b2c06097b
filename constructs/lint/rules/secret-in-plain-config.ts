import { IConstruct } from "constructs";
import { SECRET_LOOKING_KEY } from "../../private/rules";
import { LintFinding, LintRule } from "../lint-rule";
import { synthesizedAs } from "../synthesized";

/**
 * HF3: a config var whose name says it is a secret is in a `heroku_app`'s plain `config_vars`.
 *
 * A warning, not an error: the name is a heuristic (`PUBLIC_API_KEY` may well be public).
 */
export const secretInPlainConfig: LintRule = {
  id: "HF3",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const app = synthesizedAs(node, "heroku_app");
    const keys = Object.keys(app?.attributes.config_vars ?? {}).filter((key) => SECRET_LOOKING_KEY.test(key));
    if (keys.length === 0) return undefined;
    return {
      // The keys only: their values are what must not be shown.
      field: "config_vars",
      value: keys,
      what: `secret-looking config var${keys.length > 1 ? "s" : ""} ${keys.join(", ")} set as plain config`,
      why:
        "plain values are written to cdktf.out, the repository and plan output; pass secrets through `secrets` " +
        "(a sensitive variable or a generated password).",
    };
  },
};
