import { IConstruct } from "constructs";
import { isDataStore } from "../../private/addon-services";
import { LintFinding, LintRule } from "../lint-rule";
import {
  appOf,
  isProductionLike,
  resourceReferencedBy,
  resourcesOf,
  SynthesizedResource,
  synthesizedAs,
} from "../synthesized";

/**
 * HF2: a production-like `heroku_app` or `dokku_app`, or a data store of one (a data store `heroku_addon`, a
 * `dokku_postgres_service` linked to it), can be destroyed by a plan.
 *
 * A warning, not an error: lifting the protection for the one run that tears an environment down on purpose is
 * legitimate (see examples/app-with-postgres).
 */
export const productionPreventDestroy: LintRule = {
  id: "HF2",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const app = synthesizedAs(node, "heroku_app");
    const addon = synthesizedAs(node, "heroku_addon");
    let subject: SynthesizedResource | undefined;
    let kind: string | undefined;
    if (app && isProductionLike(app) && !preventsDestroy(app)) [subject, kind] = [app, "app"];
    if (addon && isDataStore(String(addon.attributes.plan)) && !preventsDestroy(addon)) {
      const owner = appOf(addon);
      if (owner && isProductionLike(owner)) [subject, kind] = [addon, "data store"];
    }
    const dokkuApp = synthesizedAs(node, "dokku_app");
    if (dokkuApp && isProductionLike(dokkuApp) && !preventsDestroy(dokkuApp)) [subject, kind] = [dokkuApp, "app"];
    const service = synthesizedAs(node, "dokku_postgres_service");
    if (service && !preventsDestroy(service) && linkedApps(service).some(isProductionLike)) {
      [subject, kind] = [service, "data store"];
    }
    if (!subject) return undefined;
    return {
      field: "lifecycle.prevent_destroy",
      value: subject.attributes.lifecycle?.prevent_destroy,
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

/** The `dokku_app`s of the stack that a `dokku_postgres_service_link` links `service` to. */
function linkedApps(service: SynthesizedResource): SynthesizedResource[] {
  const name = `\${dokku_postgres_service.${service.resource.friendlyUniqueId}.name}`;
  return resourcesOf(service.resource, "dokku_postgres_service_link")
    .filter((link) => link.attributes.service === name)
    .flatMap((link) => resourceReferencedBy(link.resource, link.attributes.app, "dokku_app", "name") ?? []);
}
