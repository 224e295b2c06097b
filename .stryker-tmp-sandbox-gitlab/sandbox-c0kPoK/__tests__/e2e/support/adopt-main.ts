/**
 * A cdktf app with one stack, `adopted`, that brings an app made by hand (`made-by-hand`, created through the API by
 * the test) under management with `HerokuApp.adopt`, as a user of the library would write it.
 */
// @ts-nocheck

import { App, TerraformStack } from "cdktf";
import { FlowProviders, FlowValidation, HerokuApp, HerokuRegion, StateBackend } from "../../../constructs";

const app = new App();
const stack = new TerraformStack(app, "adopted");
StateBackend.local(stack);
new FlowProviders(stack, "Providers", { gitlab: false, random: false });
HerokuApp.adopt(stack, "App", { name: "made-by-hand", region: HerokuRegion.US, config: { LOG_LEVEL: "info" } });
FlowValidation.of(app).synth();
