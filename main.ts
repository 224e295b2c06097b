import { App } from "cdktf";
import { songlist } from "./stacks/songlist";
import { addTopology, assertValid } from "./stacks/topology";

const app = new App();
addTopology(app, songlist);
assertValid(app);
app.synth();
