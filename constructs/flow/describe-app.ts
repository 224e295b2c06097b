import { TerraformStack } from "cdktf";
import type { FlowManifestApp, FlowManifestCiSide, FlowManifestStack } from "./flow-manifest";
import { ManifestWritingSynthesizer } from "./manifest-writer";
import { isProductionLike } from "../production-like";
import {
  expectArray,
  expectBoolean,
  expectRecord,
  expectRule,
  expectString,
  isRecord,
  type Report,
  reporterFor,
} from "../private/prop-types";
import {
  CIRCLECI_CONTEXT_NAME,
  CIRCLECI_PROJECT_SLUG,
  GITLAB_PROJECT,
  TERRAFORM_VARIABLE_NAME,
  TYPE_RULES,
  UUID,
} from "../private/rules";
import { showValue } from "../private/show-value";

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
  /**
   * The CircleCI context holding its deploy key, on the CircleCI side (see {@link DescribeAppProps.ci}).
   *
   * @default - none
   */
  readonly circleciContext?: string;
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
  /**
   * The CI side when the deploy keys live in CircleCI contexts: `{ provider: "circleci", organizationId, projectSlug,
   * projectId }`. The engine builds the CircleCI provider for such an app, and the sandbox creates its project.
   *
   * @default - the GitLab side
   */
  readonly ci?: FlowManifestCiSide;
}

/**
 * Describes an app whose stacks are written by hand (not by `HerokuFlow`) to the `heroku-flow` engine: the manifest
 * (`cdktf.out/heroku-flow.json`) is written beside the stacks at synth, so `heroku-flow apply`, `plan`, `drift` and the
 * sandbox work on it as on a `HerokuFlow` app. Every stack is long-lived; production-like ones deploy from the release
 * tag, the others on merge.
 */
export function describeApp(given: DescribeAppProps): void {
  const props = checkedDescription(given);
  if (!props) return;
  const [first] = props.stacks;
  if (!first) return;
  first.stack.synthesizer = new ManifestWritingSynthesizer(first.stack.synthesizer, {
    facts: {
      pipelineName: "",
      gitlabProject: props.gitlabProject,
      ci: props.ci,
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
          circleciContext: described.circleciContext,
          stateName: described.stack.node.id,
          deployOn: productionLike ? "tag" : "merge",
        };
      },
    })),
  });
}

/**
 * The description with each value of the wrong type (from JavaScript or JSON) reported on the first stack it names and
 * left out; undefined, after one line on stderr and exit code 1, when it names no stack to report on (nothing is
 * synthesized then either: there is no app to report through).
 */
function checkedDescription(props: DescribeAppProps): DescribeAppProps | undefined {
  const given: Partial<DescribeAppProps> = isRecord(props) ? props : {};
  const entries: readonly unknown[] = Array.isArray(given.stacks) ? given.stacks : [];
  const firstStack = entries.map((entry) => (isRecord(entry) ? entry.stack : undefined)).find(TerraformStack.isStack);
  if (!firstStack) {
    console.error(
      `describeApp: stacks ${showValue(given.stacks)} must be an array of { stack, apps } naming at least one ` +
        "TerraformStack (the manifest is written beside the first)",
    );
    process.exitCode = 1;
    return undefined;
  }
  const report = reporterFor(firstStack);
  const optional = { optional: true };
  const field = (name: string) => `describeApp ${name}`;
  const stacks = entries.flatMap((entry, index): DescribedStack[] => {
    const at = field(`stacks[${index}]`);
    if (!expectRecord(report, at, entry)) return [];
    if (!TerraformStack.isStack(entry.stack)) {
      report(`${at}.stack`, String(entry.stack), TYPE_RULES.instance("a TerraformStack"));
      return [];
    }
    const apps = expectArray(report, `${at}.apps`, entry.apps)
      ? entry.apps.filter((app, appIndex): app is FlowManifestApp => {
          const appAt = `${at}.apps[${appIndex}]`;
          if (!expectRecord(report, appAt, app)) return false;
          const named = expectString(report, `${appAt}.name`, app.name);
          const formation =
            expectArray(report, `${appAt}.formation`, app.formation) &&
            app.formation.every((type, typeIndex) => expectString(report, `${appAt}.formation[${typeIndex}]`, type));
          return named && formation;
        })
      : [];
    const variables = expectArray(report, `${at}.deployKeyVariables`, entry.deployKeyVariables, optional)
      ? entry.deployKeyVariables.filter((name, nameIndex): name is string =>
          expectRule(report, `${at}.deployKeyVariables[${nameIndex}]`, name, TERRAFORM_VARIABLE_NAME),
        )
      : undefined;
    return [
      {
        stack: entry.stack,
        apps,
        stage: expectString(report, `${at}.stage`, entry.stage, optional) ? entry.stage : undefined,
        productionLike: expectBoolean(report, `${at}.productionLike`, entry.productionLike, optional)
          ? entry.productionLike
          : undefined,
        deployKeyVariables: variables,
        gitlabEnvironment: expectString(report, `${at}.gitlabEnvironment`, entry.gitlabEnvironment, optional)
          ? entry.gitlabEnvironment
          : undefined,
        circleciContext: expectRule(report, `${at}.circleciContext`, entry.circleciContext, CIRCLECI_CONTEXT_NAME, {
          optional: true,
        })
          ? entry.circleciContext
          : undefined,
      },
    ];
  });
  const processTypes = expectRecord(report, field("processTypes"), given.processTypes)
    ? Object.fromEntries(
        Object.entries(given.processTypes).filter((entry): entry is [string, string] =>
          expectString(report, field(`processTypes.${entry[0]}`), entry[1]),
        ),
      )
    : {};
  return {
    processTypes,
    stacks,
    gitlabProject: expectRule(report, field("gitlabProject"), given.gitlabProject, GITLAB_PROJECT, { optional: true })
      ? given.gitlabProject
      : undefined,
    releaseTag: expectString(report, field("releaseTag"), given.releaseTag, optional) ? given.releaseTag : undefined,
    ci: checkedCiSide(report, field("ci"), given.ci),
  };
}

/** The CircleCI side given, or undefined (each field of the wrong form reported) when it is absent or not whole. */
function checkedCiSide(report: Report, at: string, ci: unknown): FlowManifestCiSide | undefined {
  if (!expectRecord(report, at, ci, { optional: true })) return undefined;
  const { provider, organizationId, projectSlug, projectId } = ci;
  const checks = [
    provider === "circleci" || report(`${at}.provider`, provider, 'must be "circleci" (absent: the GitLab side)'),
    expectRule(report, `${at}.organizationId`, organizationId, UUID),
    expectRule(report, `${at}.projectSlug`, projectSlug, CIRCLECI_PROJECT_SLUG),
    expectRule(report, `${at}.projectId`, projectId, UUID),
  ];
  if (checks.some((passed) => passed !== true)) return undefined;
  return {
    provider: "circleci",
    organizationId: organizationId as string,
    projectSlug: projectSlug as string,
    projectId: projectId as string,
  };
}

/** A string that passes `rule`, or an absent optional one. */
