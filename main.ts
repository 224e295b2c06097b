import { App } from "cdktf";
import { FlowValidation } from "./constructs";
import { songlist } from "./stacks/songlist";
import { addTopology } from "./stacks/topology";

const app = new App();
addTopology(app, songlist);
// Every problem of every stack in one report and nothing written, or every stack written.
FlowValidation.of(app).synth();
