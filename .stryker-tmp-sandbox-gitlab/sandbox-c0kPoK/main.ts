// @ts-nocheck
import { App } from "cdktf";
import { FlowValidation, HerokuFlow } from "./constructs";
import { songlist } from "./stacks/songlist";

const app = new App();
new HerokuFlow(app, songlist);
// Every problem of every stack in one report and nothing written, or every stack written.
FlowValidation.of(app).synth();
