// The cdktf app of songlist on the CircleCI side (stacks/songlist-on-circleci.ts), for the deploy benchmark's CircleCI
// row and the end-to-end tests: main.ts with the other topology.
import { App } from "cdktf";
import { FlowValidation, HerokuFlow } from "../constructs";
import { songlistOnCircleci } from "./songlist-on-circleci";

const app = new App();
new HerokuFlow(app, songlistOnCircleci());
FlowValidation.of(app).synth();
