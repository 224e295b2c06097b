import { IConstruct } from "constructs";
import { DOKKU_DEPLOY_KEY_VARIABLE, HEROKU_DEPLOY_KEY_VARIABLE } from "../../private/rules";
import { isProductionLike as isProductionLikeEnvironment } from "../../production-like";
import { LintFinding, LintRule } from "../lint-rule";
import { appReferencedBy, isProductionLike, resourcesOf, SynthesizedResource, synthesizedAs } from "../synthesized";

/**
 * HF7: the deploy key of a production-like environment (a `gitlab_project_variable` `HEROKU_API_KEY`, or on Dokku
 * `DOKKU_SSH_PRIVATE_KEY_BASE64`) is not protected. GitLab hands an unprotected variable to the pipelines of every branch; its environment scope only asks
 * that the job name the environment, which any branch's `.gitlab-ci.yml` can do. So anyone who can push a branch can
 * deploy production with it.
 *
 * An error: this is the mistake that lets any branch deploy production, and the fix (protect the variable; production
 * deploys from protected branches and tags) costs nothing. A deliberate exception is written down with
 * `HerokuFlowChecks.suppress`.
 */
/** The deploy keys' variables: Heroku's API key, and the SSH key of a Dokku server. */
const DEPLOY_KEY_VARIABLES: readonly unknown[] = [HEROKU_DEPLOY_KEY_VARIABLE, DOKKU_DEPLOY_KEY_VARIABLE];

/** The app resources whose production-likeness a variable of scope `*` reaches. */
const APP_TYPES = ["heroku_app", "dokku_app"];

export const unprotectedProductionDeployKey: LintRule = {
  id: "HF7",
  level: "error",
  check(node: IConstruct): LintFinding | undefined {
    const variable = synthesizedAs(node, "gitlab_project_variable");
    if (!variable || !DEPLOY_KEY_VARIABLES.includes(variable.attributes.key)) return undefined;
    // Left out, GitLab's default is unprotected; a reference is known only to Terraform.
    const isProtected = variable.attributes.protected ?? false;
    if (isProtected !== false) return undefined;
    const scope = String(variable.attributes.environment_scope ?? "*");
    if (!reachesProduction(variable, scope)) return undefined;
    return {
      field: "protected",
      value: isProtected,
      what: `production deploy key ${String(variable.attributes.key)} (environment scope ${scope}) is not protected`,
      why:
        "GitLab gives an unprotected variable to the pipelines of every branch, so any branch can deploy production " +
        "with it; set `protected: true` (in a HerokuFlow environment, `gitlab: { protectedVariables: true }`) so that " +
        "only protected branches and tags get it.",
    };
  },
};

/**
 * Whether jobs deploying a production-like environment see a variable of `scope`: every job does for `*` when the
 * stack holds a production-like app; otherwise the scope names the environment — `production`, or a GitLab
 * environment of the stack in the production tier or linked to a production-like app.
 */
function reachesProduction(variable: SynthesizedResource, scope: string): boolean {
  if (scope === "*") return APP_TYPES.some((type) => resourcesOf(variable.resource, type).some(isProductionLike));
  if (isProductionLikeEnvironment({ name: scope })) return true;
  return resourcesOf(variable.resource, "gitlab_project_environment").some((environment) => {
    if (environment.attributes.name !== scope) return false;
    if (environment.attributes.tier === "production") return true;
    const app = appReferencedBy(variable.resource, environment.attributes.external_url, "web_url");
    return app !== undefined && isProductionLike(app);
  });
}
