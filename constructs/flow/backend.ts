import { TerraformStack } from "cdktf";
import { StateBackend } from "../state-backend";
import { FlowSettings } from "./flow-settings";

/**
 * Gives `stack` the state backend the settings choose. HerokuFlow reports GitLab-managed state without a project, and
 * builds its stacks with local state then.
 */
export function configureBackend(
  stack: TerraformStack,
  settings: FlowSettings,
  gitlabProject: string | undefined,
): void {
  if (settings.stateBackend === "gitlab" && gitlabProject !== undefined) {
    StateBackend.gitlab(stack, { apiUrl: settings.gitlabApiUrl, project: gitlabProject });
  } else {
    StateBackend.local(stack);
  }
}
