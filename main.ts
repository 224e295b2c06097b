import { App } from "cdktf";
import { songlist } from "./stacks/songlist";
import { addTopology, assertValid, TopologyValidationError } from "./stacks/topology";

const app = new App();
addTopology(app, songlist);
try {
  assertValid(app);
} catch (error) {
  if (!(error instanceof TopologyValidationError)) throw error;
  // A configuration mistake, not a crash: the list of problems is the whole message.
  console.error(error.message);
  process.exit(1);
}
app.synth();
