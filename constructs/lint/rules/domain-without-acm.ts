import { IConstruct } from "constructs";
import { HerokuDomain } from "../../heroku-domain";
import { LintFinding, LintRule } from "../lint-rule";

/** HF4: a custom domain on an app without Automated Certificate Management. */
export const domainWithoutAcm: LintRule = {
  id: "HF4",
  check(node: IConstruct): LintFinding | undefined {
    if (!(node instanceof HerokuDomain) || node.app.acm) return undefined;
    return {
      what: `custom domain ${node.hostname} on an app without ACM`,
      why: "browsers will get no valid certificate for it; set `acm: true` on the app or upload a certificate.",
    };
  },
};
