import type { ChangeSymbol } from "./change-action";
import type { PlanResourceChange } from "./plan-json";

/** Heroku Postgres add-on plans (`heroku-postgresql:essential-0`, `heroku-postgresql:standard-0`, …). */
const POSTGRES_PLAN = /^heroku-postgresql(:|$)/;

/**
 * What a reviewer must know about a change that removes an object — a delete, a replace (either order) or a forget —
 * beyond its address: what is lost with it. `undefined` for kinds of resource that lose nothing a plan line does not
 * already say.
 */
export function removalCallOut(change: PlanResourceChange, symbol: ChangeSymbol): string | undefined {
  if (symbol === "forget") return "Terraform stops managing it; the object itself stays";
  if (symbol === "+/forget") return "a new object is created; the old one stays, no longer managed by Terraform";
  const replaced = symbol === "-/+" || symbol === "+/-";
  switch (change.type) {
    case "heroku_app":
      return replaced
        ? "destroys the app and its releases; a new, empty app takes its name"
        : "destroys the app and its releases";
    case "heroku_addon":
      if (isPostgres(change)) {
        return replaced
          ? "destroys the database and its data; the new database starts empty"
          : "destroys the database and its data";
      }
      return "destroys the add-on and what it holds";
    case "gitlab_project_variable":
    case "gitlab_group_variable":
    case "gitlab_instance_variable":
      return replaced
        ? "the CI/CD variable disappears until re-created; pipelines that run meanwhile miss it"
        : "the CI/CD variable disappears; pipelines that read it fail";
    default:
      return undefined;
  }
}

/** A Heroku Postgres add-on, by its plan before or after the change (a plan change is itself a replace). */
function isPostgres(change: PlanResourceChange): boolean {
  return [change.change.before, change.change.after].some((values) => {
    const plan = values !== null && typeof values === "object" ? (values as { plan?: unknown }).plan : undefined;
    return typeof plan === "string" && POSTGRES_PLAN.test(plan);
  });
}
