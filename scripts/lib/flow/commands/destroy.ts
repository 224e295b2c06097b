import { renderConsole, summarizeStack, type PlanJson } from "../../review";
import { CiContext } from "../ci-context";
import type { FlowSession } from "../flow-session";
import { deleteManagedState } from "../gitlab-api";

/** Options of `flow destroy`. */
export interface DestroyCommandOptions {
  readonly stack: string;
  /** Delete the stack's GitLab-managed Terraform state afterwards (review stacks: nothing is left behind). */
  readonly deleteState: boolean;
}

/**
 * `flow destroy <stack>`: plans the destruction of every resource of the stack, prints what goes, applies it, and with
 * `--delete-state` deletes the stack's GitLab-managed state with the job token. Stacks whose resources are protected
 * (`prevent_destroy`, production) are refused by Terraform itself.
 */
export async function destroyCommand(session: FlowSession, options: DestroyCommandOptions): Promise<number> {
  const { engine } = session;
  const { stack } = options;
  await engine.synth();
  session.checkStacks([stack]);
  await engine.init(stack);
  const plan = await engine.plan(stack, { destroy: true });
  const summary = summarizeStack({ stack, plan: (await engine.show(plan)) as PlanJson, config: session.config(stack) });
  session.print(session.redact(renderConsole([summary]), summary.secrets));
  if (plan.changed) await engine.apply(plan);
  session.print(plan.changed ? `Destroyed ${stack}.` : `${stack} holds nothing to destroy.`);

  if (options.deleteState) {
    const address = (session.config(stack) as { terraform?: { backend?: { http?: { address?: string } } } }).terraform
      ?.backend?.http?.address;
    if (!address) throw new Error(`--delete-state: stack ${stack} does not keep its state in GitLab`);
    const stateName = decodeURIComponent(address.split("/").pop()!);
    const outcome = await deleteManagedState(new CiContext(session.env), stateName);
    session.print(outcome === "deleted" ? `Deleted Terraform state ${stateName}.` : `No Terraform state ${stateName}.`);
  }
  return 0;
}
