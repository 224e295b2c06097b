import { IConstruct } from "constructs";
import { HerokuApp } from "../../heroku-app";
import { LintFinding, LintRule } from "../lint-rule";

const SECRET_LOOKING_KEY = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** HF3: a config var whose name says it is a secret is set as a plain value. */
export const secretInPlainConfig: LintRule = {
  id: "HF3",
  check(node: IConstruct): LintFinding | undefined {
    if (!(node instanceof HerokuApp)) return undefined;
    const keys = node.plainConfigKeys.filter((key) => SECRET_LOOKING_KEY.test(key));
    if (keys.length === 0) return undefined;
    return {
      what: `secret-looking config var${keys.length > 1 ? "s" : ""} ${keys.join(", ")} set as plain config`,
      why:
        "plain values are written to cdktf.out, the repository and plan output; pass secrets through `secrets` " +
        "(a sensitive variable or a generated password).",
    };
  },
};
