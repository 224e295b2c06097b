/** songlist plus the README's `qa` environment, as a project that followed "Adding an environment" would have it. */
// @ts-nocheck

import { App } from "cdktf";
import { FlowValidation, HerokuFlow } from "../../../constructs";
import { songlistWithQa } from "./qa-topology";

const app = new App();
new HerokuFlow(app, songlistWithQa());
FlowValidation.of(app).synth();
