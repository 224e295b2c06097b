import * as path from "node:path";
import { SandboxProject } from "../../../scripts/lib/sandbox-project";

export { MAIN_STACKS, applyArgs, plannedChanges } from "../../../scripts/lib/sandbox-project";

/** A scenario's project: songlist's app with the test-only topology patches of patched-main.ts. */
export const E2EProject = {
  create: (options: { recordExchanges?: boolean } = {}) =>
    SandboxProject.create({ ...options, main: path.join(__dirname, "patched-main.ts") }),
};

export type E2EProject = SandboxProject;
