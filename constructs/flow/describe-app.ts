import { TerraformStack } from "cdktf";
import type { FlowManifestApp, FlowManifestStack } from "./flow-manifest";
import { ManifestWritingSynthesizer } from "./manifest-writer";
import { isProductionLike } from "../production-like";

/** One hand-written stack, as {@link describeApp} tells the engine about it. */
export interface DescribedStack {
  /** The stack. */
  readonly stack: TerraformStack;
  /** The Heroku apps it declares, with their formation's process types. */
  readonly apps: readonly FlowManifestApp[];
  /**
   * The pipeline stage its app is coupled at.
   *
   * @default - none
   */
  readonly stage?: string;
  /**
   * Whether it holds production data.
   *
   * @default - true for the `production` stage or a stack named `production`
   */
  readonly productionLike?: boolean;
  /**
   * The sensitive Terraform variables it requires (`TF_VAR_<name>`).
   *
   * @default - none
   */
  readonly deployKeyVariables?: readonly string[];
  /**
   * Its GitLab environment.
   *
   * @default - none
   */
  readonly gitlabEnvironment?: string;
}

/** What {@link describeApp} takes. */
export interface DescribeAppProps {
  /** The code's process types and their commands (what its Procfile declares). */
  readonly processTypes: Record<string, string>;
  /** The stacks, each a long-lived environment. */
  readonly stacks: readonly DescribedStack[];
  /**
   * The GitLab project.
   *
   * @default - none
   */
  readonly gitlabProject?: string;
  /**
   * The release tag production-like stacks deploy from.
   *
   * @default "v*"
   */
  readonly releaseTag?: string;
}

/**
 * Describes an app whose stacks are written by hand (not by `HerokuFlow`) to the `heroku-flow` engine: the manifest
 * (`cdktf.out/heroku-flow.json`) is written beside the stacks at synth, so `heroku-flow apply`, `plan`, `drift` and the
 * sandbox work on it as on a `HerokuFlow` app. Every stack is long-lived; production-like ones deploy from the release
 * tag, the others on merge.
 */
export function describeApp(props: DescribeAppProps): void {
  const [first] = props.stacks;
  if (!first) return;
  first.stack.synthesizer = new ManifestWritingSynthesizer(first.stack.synthesizer, {
    facts: {
      pipelineName: "",
      gitlabProject: props.gitlabProject,
      releaseTag: props.releaseTag ?? "v*",
      processTypes: props.processTypes,
      stateBackend: "local",
    },
    stacks: props.stacks.map((described) => ({
      stack: described.stack,
      describe: (): Omit<FlowManifestStack, "name" | "dependencies"> => {
        const productionLike = isProductionLike({
          productionLike: described.productionLike,
          stage: described.stage,
          name: described.stack.node.id,
        });
        return {
          kind: "long-lived",
          apps: described.apps,
          stage: described.stage,
          productionLike,
          deployKeyVariables: described.deployKeyVariables ?? [],
          gitlabEnvironment: described.gitlabEnvironment,
          stateName: described.stack.node.id,
          deployOn: productionLike ? "tag" : "merge",
        };
      },
    })),
  });
}
