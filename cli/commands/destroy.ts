import { parseCommandArgs, reviewEnv, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import { renderConsole, summarizeStack, type PlanJson } from "../review";
import { CiContext } from "../platform/ci-context";
import type { FlowSession } from "../engine/flow-session";
import { deleteManagedState } from "../platform/gitlab-api";

/** `heroku-flow destroy`. */
export const destroy: Command = {
  name: "destroy",
  summary: "destroy a stack (review apps: and delete its GitLab-managed state)",
  help: `usage: heroku-flow destroy STACK [--delete-state]
       heroku-flow destroy --review ID [--delete-state]

Plans the destruction of every resource of the stack, prints what goes, and applies it. Stacks whose resources are
protected (prevent_destroy: production-like apps and databases) are refused by Terraform itself.

  --review ID          the review app stack of merge request ID
  --delete-state       then delete the stack's GitLab-managed Terraform state (needs CI_API_V4_URL, CI_PROJECT_ID,
                       CI_JOB_TOKEN, as in a GitLab job)

Exit codes: 0 destroyed (or nothing to destroy), 1 an error, 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "destroy",
      args,
      { review: { type: "string" }, "delete-state": { type: "boolean", default: false } },
      true,
    );
    const env = reviewEnv("destroy", context, values.review, positionals);
    if (positionals.length > 1) throw new UsageError("destroy: name one stack");
    return destroyCommand(sessionFor(context, { env }), {
      stack: positionals[0],
      deleteState: values["delete-state"]!,
    });
  },
};

/** Options of `heroku-flow destroy`. */
export interface DestroyCommandOptions {
  /** The stack; absent: the review stack of `HEROKU_FLOW_REVIEW_ID`. */
  readonly stack?: string;
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
  await engine.synth();
  const stack = options.stack ?? session.reviewStacks(session.env.HEROKU_FLOW_REVIEW_ID!)[0];
  session.checkStacks([stack]);
  session.requireVariables([stack]);
  await engine.discardingPlans([stack], async () => {
    await engine.init(stack);
    const plan = await engine.plan(stack, { destroy: true });
    const summary = summarizeStack({
      stack,
      plan: (await engine.show(plan)) as PlanJson,
      config: session.config(stack),
    });
    session.print(session.redact(renderConsole([summary]), summary.secrets));
    if (plan.changed) await engine.apply(plan);
    session.print(plan.changed ? `Destroyed ${stack}.` : `${stack} holds nothing to destroy.`);
  });

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
