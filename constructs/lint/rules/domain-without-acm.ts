import { IConstruct } from "constructs";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, synthesizedAs } from "../synthesized";

/**
 * HF4: a `heroku_domain` on a managed app whose `acm` is not on. Apps Terraform does not manage (referenced by name)
 * are skipped: their ACM setting is not known here, and not changeable from here.
 *
 * A warning, not an error: a certificate may come from elsewhere (uploaded by hand, or a CDN in front).
 */
export const domainWithoutAcm: LintRule = {
  id: "HF4",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const domain = synthesizedAs(node, "heroku_domain");
    const app = domain && appOf(domain);
    if (!domain || !app || app.attributes.acm === true) return undefined;
    return {
      field: "hostname",
      value: domain.attributes.hostname,
      what: `custom domain ${domain.attributes.hostname} on an app without ACM`,
      why: "browsers will get no valid certificate for it; set `acm: true` on the app or upload a certificate.",
    };
  },
};
