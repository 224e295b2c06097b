/**
 * A self-hosted Heroku Flow on one Dokku server (see README.md and topology.ts): one stack per environment, a review
 * stack per merge request (`HEROKU_FLOW_REVIEW_ID`), and the protected release tags, built by the package's flow for
 * the topology's platform. The server, its SSH user and key are the run's settings (`DOKKU_SSH_*`), never synthesized.
 */
import { App } from "cdktf";
import { buildFlow, FlowValidation } from "heroku-flow-cdktf";
import { topology } from "./topology";

const app = new App();
buildFlow(app, topology);
FlowValidation.of(app).synth();
