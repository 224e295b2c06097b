import { App } from "cdktf";
import { SmokeStack } from "./stacks/smoke-stack";

const app = new App();
new SmokeStack(app, "smoke");
app.synth();
