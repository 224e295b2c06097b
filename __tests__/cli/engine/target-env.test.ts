/**
 * The environment of a run against the sandbox (`deployEnv`) and the variables it must set: every deploy key and every
 * topology secret the app's stacks may require, each once, the review apps' included only when the app has them (an
 * unset one would stop Terraform; an empty `TF_VAR_` name would be nonsense).
 */
import { deployEnv, deployKeyVariables, sandboxSecretValue, secretVariables } from "../../../cli/engine/target-env";
import {
  FLOW_MANIFEST_VERSION,
  type FlowManifest,
  type FlowManifestStack,
} from "../../../constructs/flow/flow-manifest";

const manifest = (reviewKey?: string): FlowManifest => ({
  version: FLOW_MANIFEST_VERSION,
  pipelineName: "",
  releaseTag: "v*",
  processTypes: { web: "npm start" },
  stateBackend: "local",
  review: reviewKey === undefined ? undefined : { deployKeyVariable: reviewKey, autoStopIn: "1 week" },
  stacks: [
    {
      name: "production",
      kind: "long-lived",
      dependencies: [],
      apps: [],
      productionLike: true,
      deployKeyVariables: ["heroku_deploy_key"],
      stateName: "production",
      deployOn: "tag",
    },
  ],
});

test("every deploy key once, the review apps' too; an app without review apps exports no empty TF_VAR_", () => {
  expect(deployKeyVariables(manifest("heroku_deploy_key_review"))).toEqual([
    "heroku_deploy_key",
    "heroku_deploy_key_review",
  ]);
  expect(deployKeyVariables(manifest())).toEqual(["heroku_deploy_key"]);
  const env = deployEnv(
    {
      herokuUrl: "http://127.0.0.1:1",
      herokuApiKey: "k".repeat(16),
      gitlabUrl: "http://127.0.0.1:1/api/v4/",
      gitlabToken: "t",
    },
    deployKeyVariables(manifest()),
  );
  expect(Object.keys(env).filter((name) => name.startsWith("TF_VAR_heroku_deploy"))).toEqual([
    "TF_VAR_heroku_deploy_key",
  ]);
  expect(env).not.toHaveProperty("TF_VAR_");
});

/** A manifest with `stacks` (only what a test sets) and the given review settings. */
function withStacks(stacks: Array<Partial<FlowManifestStack>>, review?: FlowManifest["review"]): FlowManifest {
  return {
    ...manifest(),
    review,
    stacks: stacks.map((stack, index) => ({ ...manifest().stacks[0], name: `stack-${index}`, ...stack })),
  };
}

const target = {
  herokuUrl: "http://127.0.0.1:1",
  herokuApiKey: "k".repeat(16),
  gitlabUrl: "http://127.0.0.1:2/api/v4/",
  gitlabToken: "t".repeat(20),
};

test("a target that serves CircleCI's API adds CIRCLE_HOST and CIRCLE_TOKEN; half of it adds neither", () => {
  const circleci = { circleciUrl: "http://127.0.0.1:1/circleci/api/v2", circleciToken: "c".repeat(20) };
  expect(deployEnv({ ...target, ...circleci }, [])).toMatchObject({
    CIRCLE_HOST: circleci.circleciUrl,
    CIRCLE_TOKEN: circleci.circleciToken,
  });
  for (const half of [{ circleciUrl: circleci.circleciUrl }, { circleciToken: circleci.circleciToken }]) {
    expect(Object.keys(deployEnv({ ...target, ...half }, [])).filter((name) => name.startsWith("CIRCLE"))).toEqual([]);
  }
});

test("a deploy key shared by stacks and the review apps is listed once, in first-seen order", () => {
  const shared = withStacks(
    [
      { deployKeyVariables: ["key_b", "key_a"] },
      { deployKeyVariables: ["key_a", "key_c"] },
      { deployKeyVariables: [] },
    ],
    { deployKeyVariable: "key_b", autoStopIn: "1 week" },
  );
  expect(deployKeyVariables(shared)).toEqual(["key_b", "key_a", "key_c"]);
});

test("the topology's secrets: each stack's and the review apps', once; stacks and reviews without any add none", () => {
  const review = { deployKeyVariable: "k", autoStopIn: "1 week", secretVariables: ["review_secret", "shared"] };
  expect(
    secretVariables(
      withStacks([{ secretVariables: ["shared", "stripe"] }, {}, { secretVariables: ["shared"] }], review),
    ),
  ).toEqual(["shared", "stripe", "review_secret"]);
  expect(secretVariables(withStacks([{}, { secretVariables: ["s"] }]))).toEqual(["s"]);
  expect(secretVariables(withStacks([{}], { deployKeyVariable: "k", autoStopIn: "1 week" }))).toEqual([]);
});

test("a topology secret's stand-in in the sandbox is fixed per name", () => {
  expect(sandboxSecretValue("stripe_key")).toBe("sandbox-stripe_key");
});

test("deployEnv: endpoints, credentials, each deploy key the Heroku key, each secret its stand-in, the sandbox's knobs", () => {
  expect(deployEnv(target, ["deploy_a", "deploy_b"], ["stripe", "deploy_b"])).toEqual({
    TF_VAR_stripe: "sandbox-stripe",
    // A name that is both: the deploy key's value (the target's Heroku key) wins.
    TF_VAR_deploy_b: target.herokuApiKey,
    TF_VAR_deploy_a: target.herokuApiKey,
    HEROKU_API_URL: target.herokuUrl,
    HEROKU_API_KEY: target.herokuApiKey,
    GITLAB_BASE_URL: target.gitlabUrl,
    GITLAB_TOKEN: target.gitlabToken,
    HEROKU_FLOW_CODE_PUSH: "sandbox",
    TF_VAR_heroku_post_app_create_delay: "0",
    TF_VAR_heroku_post_domain_create_delay: "0",
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
  });
  expect(Object.keys(deployEnv(target, [])).filter((name) => name.startsWith("TF_VAR_"))).toEqual([
    "TF_VAR_heroku_post_app_create_delay",
    "TF_VAR_heroku_post_domain_create_delay",
  ]);
});
