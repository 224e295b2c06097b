// The cdktf app of songlist on a Dokku server (stacks/songlist-on-dokku.ts), for the end-to-end tests and the deploy
// benchmark's Dokku row: main.ts with the other topology.
import { App } from "cdktf";
import { buildFlow, FlowValidation } from "../constructs";
import { songlistOnDokku } from "./songlist-on-dokku";

const app = new App();
buildFlow(app, songlistOnDokku);
FlowValidation.of(app).synth();
