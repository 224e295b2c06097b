import { deployEnv, deployKeyVariables } from "../../../cli/engine/target-env";
import { FLOW_MANIFEST_VERSION, type FlowManifest } from "../../../constructs/flow/flow-manifest";

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
