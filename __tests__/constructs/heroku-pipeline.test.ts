import { Testing } from "cdktf";
import { DataHerokuPipeline } from "../../.gen/providers/heroku/data-heroku-pipeline";
import { Pipeline } from "../../.gen/providers/heroku/pipeline";
import { PipelineCoupling } from "../../.gen/providers/heroku/pipeline-coupling";
import { HerokuApp, HerokuPipeline } from "../../constructs";
import { problemsOf, referenceOf, resourcesOf, synthesize, testStack } from "../support/stacks";

describe("HerokuPipeline", () => {
  test("couples apps at their stages", () => {
    const { stack } = testStack();
    const pipeline = new HerokuPipeline(stack, "Pipeline", { name: "songlist" });
    pipeline.addApp(new HerokuApp(stack, "Staging", { name: "songlist-staging" }), "staging");
    pipeline.addApp(new HerokuApp(stack, "Production", { name: "songlist" }), "production");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Pipeline, { name: "songlist" });
    const couplings = resourcesOf(synthesize(stack), "heroku_pipeline_coupling");
    expect(couplings.map((c) => c.stage).sort()).toEqual(["production", "staging"]);
    expect(couplings[0].pipeline).toMatch(/^\$\{heroku_pipeline\.Pipeline_\w+\.id\}$/);
  });

  test("a team pipeline is owned by the team", () => {
    const { stack } = testStack();
    new HerokuPipeline(stack, "Pipeline", { name: "songlist", teamId: "01234567-89ab-cdef-0123-456789abcdef" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Pipeline, {
      owner: { id: "01234567-89ab-cdef-0123-456789abcdef", type: "team" },
    });
  });

  test("fromId references a pipeline without looking it up by name", () => {
    const { stack } = testStack();
    const pipeline = HerokuPipeline.fromId(stack, "Pipeline", "01234567-89ab-cdef-0123-456789abcdef");
    pipeline.addApp(new HerokuApp(stack, "App", { name: "songlist-dev" }), "development");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(PipelineCoupling, {
      pipeline: "01234567-89ab-cdef-0123-456789abcdef",
      stage: "development",
    });
    expect(synthesize(stack).data).toBeUndefined();
  });

  test("fromName looks a pipeline up through the data source", () => {
    const { stack } = testStack();
    const pipeline = HerokuPipeline.fromName(stack, "Pipeline", "songlist");
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataHerokuPipeline, { name: "songlist" });
    expect(referenceOf(stack, pipeline.pipelineId)).toMatch(/^\$\{data\.heroku_pipeline\.Pipeline-Lookup\.id\}$/);
  });

  test("fromId rejects a literal that is not a UUID", () => {
    const { app, stack } = testStack();
    HerokuPipeline.fromId(stack, "Pipeline", "songlist");
    expect(problemsOf(app)).toMatch(/\[test\/Pipeline\] pipelineId: "songlist" must be the pipeline's UUID/);
  });

  test("fromName checks the name it looks up", () => {
    const { app, stack } = testStack();
    HerokuPipeline.fromName(stack, "Pipeline", "Song List");
    expect(problemsOf(app)).toMatch(/\[test\/Pipeline\] name: "Song List" must match/);
  });

  test("a bad name and a bad team id are reported under their own fields", () => {
    const { app, stack } = testStack();
    new HerokuPipeline(stack, "Pipeline", { name: "x", teamId: "songlist-team" });
    const problems = problemsOf(app);
    expect(problems).toMatch(/\[test\/Pipeline\] name: "x" must match/);
    expect(problems).toMatch(/\[test\/Pipeline\] teamId: "songlist-team" must/);
  });

  test("coupling one app twice is reported, saying which method and what to do", () => {
    const { app, stack } = testStack();
    const pipeline = new HerokuPipeline(stack, "Pipeline", { name: "songlist" });
    const web = new HerokuApp(stack, "Web", { name: "songlist-web" });
    pipeline.addApp(web, "staging");
    pipeline.addApp(web, "production");
    expect(problemsOf(app)).toMatch(
      /addApp\(\).*\n.*hint: couple test\/Web once: an app is in one pipeline at one stage/,
    );
  });
});
