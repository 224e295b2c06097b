// @ts-nocheck
import { AnnotationMetadataEntryType, Annotations, IAspect } from "cdktf";
import { IConstruct } from "constructs";
import { reportProblem } from "../private/validation";
import { LintRule } from "./lint-rule";
import { domainWithoutAcm } from "./rules/domain-without-acm";
import { productionPostgresPlan } from "./rules/production-postgres-plan";
import { productionPreventDestroy } from "./rules/production-prevent-destroy";
import { secretInPlainConfig } from "./rules/secret-in-plain-config";

const SUPPRESSION = "heroku-flow:lint-suppression";

/** Options for {@link HerokuFlowChecks}. */
export interface HerokuFlowChecksProps {
  /**
   * The rules to run.
   *
   * @default HerokuFlowChecks.RULES
   */
  readonly rules?: readonly LintRule[];
}

/**
 * The Heroku Flow lint pack, in the spirit of cdk-nag: an Aspect that warns, at synth, about topology that works but
 * is risky, saying what is wrong and why it matters. Warnings are printed by `cdktf synth` and recorded in
 * `manifest.json`; they do not fail the synth.
 *
 * Like cdk-nag's rules, which read `CfnResource`s, these read the generated resources (`heroku_app`, `heroku_addon`,
 * `heroku_domain`, …) as they will be synthesized, so raw resources and escape-hatch edits are checked too.
 *
 * ```ts
 * import { App, Aspects, TerraformStack } from "cdktf";
 * import { FlowProviders, FlowValidation, HerokuApp, HerokuFlowChecks, PostgresPlan } from "heroku-flow-cdktf";
 *
 * const app = new App();
 * const stack = new TerraformStack(app, "review-42");
 * new FlowProviders(stack, "Providers");
 * const reviewApp = new HerokuApp(stack, "Api", { name: "acme-api-review-42", productionLike: true });
 * reviewApp.addPostgres("Database", { plan: PostgresPlan.ESSENTIAL_0 });
 * Aspects.of(app).add(new HerokuFlowChecks());
 * HerokuFlowChecks.suppress(reviewApp, "HF1", "review apps hold throwaway data");
 * FlowValidation.of(app).synth();
 * ```
 *
 * cdktf 0.21 itself runs only aspects registered on a stack. Registered on the app as above, the pack runs on every
 * stack synthesized through {@link FlowValidation.synth}, and on every stack holding a construct of this library
 * with a plain `app.synth()`. Registered on a stack, it runs on that stack.
 */
export class HerokuFlowChecks implements IAspect {
  /** Every rule of the pack. */
  public static readonly RULES: readonly LintRule[] = [
    productionPostgresPlan,
    productionPreventDestroy,
    secretInPlainConfig,
    domainWithoutAcm,
  ];

  /**
   * Silences `ruleId` on `scope` and everything under it; the reason is kept in the construct tree for review. A
   * reason shorter than 10 characters is a problem of the app (nothing is synthesized).
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    if (reason.trim().length < 10) {
      reportProblem(
        scope,
        `HerokuFlowChecks.suppress(${ruleId}) reason`,
        reason,
        "must say why, in at least 10 characters",
        "the reason is what reviewers read instead of the warning",
      );
      return;
    }
    scope.node.addMetadata(SUPPRESSION, { ruleId, reason });
  }

  private readonly rules: readonly LintRule[];

  constructor(props: HerokuFlowChecksProps = {}) {
    this.rules = props.rules ?? HerokuFlowChecks.RULES;
  }

  public visit(node: IConstruct): void {
    for (const rule of this.rules) {
      const finding = rule.check(node);
      if (!finding || isSuppressed(node, rule.id)) continue;
      const message = `[${rule.id}] ${finding.what}: ${finding.why}`;
      // A stack synthesized more than once (tests, or validation before synth) gets each warning once.
      const known = node.node.metadata.some((e) => e.type === AnnotationMetadataEntryType.WARN && e.data === message);
      if (!known) Annotations.of(node).addWarning(message);
    }
  }
}

function isSuppressed(node: IConstruct, ruleId: string): boolean {
  return node.node.scopes.some((scope) =>
    scope.node.metadata.some((entry) => entry.type === SUPPRESSION && entry.data.ruleId === ruleId),
  );
}
