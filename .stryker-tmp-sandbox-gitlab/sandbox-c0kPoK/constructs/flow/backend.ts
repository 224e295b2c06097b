// @ts-nocheck
import { TerraformStack } from "cdktf";
import { StateBackend } from "../state-backend";
import { FlowSettings } from "./flow-settings";

/** Gives `stack` the state backend the settings choose. */
export function configureBackend(stack: TerraformStack, settings: FlowSettings, gitlabProject: string): void {
  if (settings.stateBackend === "gitlab") {
    StateBackend.gitlab(stack, { apiUrl: settings.gitlabApiUrl, project: gitlabProject });
  } else {
    StateBackend.local(stack);
  }
}
