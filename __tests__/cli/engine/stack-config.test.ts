/**
 * A stack's synthesized configuration as the engine reads it: `cdk.tf.json` from the stack's directory, and the input
 * variables Terraform would stop on when unset (declared without a default, whatever the default's value), which
 * every command checks before running Terraform.
 */
import * as path from "node:path";
import { readStackConfig, requiredVariables } from "../../../cli/engine/stack-config";
import { fakeProject, plainConfig, removeFakeProjects } from "./support/fake-project";

afterAll(removeFakeProjects);

test("readStackConfig reads cdk.tf.json of the stack's directory", () => {
  const project = fakeProject({ stacks: [{ name: "staging" }] });
  expect(readStackConfig(path.join(project.dir, "cdktf.out", "stacks", "staging"))).toEqual(plainConfig("staging"));
});

test("a stack directory without cdk.tf.json is Node's error naming the file", () => {
  const project = fakeProject({ stacks: [{ name: "staging" }] });
  expect(() => readStackConfig(path.join(project.dir, "cdktf.out", "stacks", "nowhere"))).toThrow(
    /ENOENT.*stacks\/nowhere\/cdk\.tf\.json/,
  );
});

test("no variable block: nothing required", () => {
  expect(requiredVariables(plainConfig("staging"))).toEqual([]);
  expect(requiredVariables({ variable: {} })).toEqual([]);
});

test("required: each variable without a default, in declaration order; any default, even null or empty, is none", () => {
  expect(
    requiredVariables({
      variable: {
        deploy_key: { sensitive: true } as { default?: unknown },
        delay: { default: "0" },
        nothing: { default: null },
        empty: { default: "" },
        off: { default: false },
        stripe_key: {},
      },
    }),
  ).toEqual(["deploy_key", "stripe_key"]);
});
