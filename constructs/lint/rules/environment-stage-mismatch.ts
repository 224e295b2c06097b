import { IConstruct } from "constructs";
import { PIPELINE_STAGE } from "../../private/rules";
import { LintFinding, LintRule } from "../lint-rule";
import { appOf, environmentNameOf, synthesizedAs } from "../synthesized";

/**
 * HF8: an app of an environment named after a pipeline stage is coupled at another stage (a `heroku_pipeline_coupling`),
 * e.g. the `production` environment at the `staging` stage, or `staging` at `production`. The environment's name is
 * what the app's construct declared; a raw `heroku_app` has none and is skipped.
 *
 * A warning, not an error: the coupling may be deliberate (an environment renamed later), and nothing breaks at
 * deploy; but a promotion goes by stage, not by name.
 */
export const environmentStageMismatch: LintRule = {
  id: "HF8",
  level: "warning",
  check(node: IConstruct): LintFinding | undefined {
    const coupling = synthesizedAs(node, "heroku_pipeline_coupling");
    const app = coupling && appOf(coupling);
    const name = app && environmentNameOf(app);
    const stage = String(coupling?.attributes.stage);
    // Both must be stages: a stage only Terraform knows (a reference) is not judged.
    if (!name || !PIPELINE_STAGE.test(name.toLowerCase()) || !PIPELINE_STAGE.test(stage)) return undefined;
    if (name.toLowerCase() === stage) return undefined;
    return {
      field: "stage",
      value: stage,
      what: `environment ${name} coupled at the ${stage} stage`,
      why:
        "Heroku promotes a release from one stage to the next, so the stage decides which app a promotion deploys " +
        "to, whatever the environment is called: production data at an earlier stage receives untested releases, " +
        "and an app named staging at production serves real users; couple the app at the stage its name says.",
    };
  },
};
