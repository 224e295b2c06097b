import { Annotations, IAspect } from "cdktf";
import { IConstruct } from "constructs";
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
 * ```ts
 * Aspects.of(app).add(new HerokuFlowChecks());
 * HerokuFlowChecks.suppress(reviewApp, "HF1", "review apps hold throwaway data");
 * ```
 */
export class HerokuFlowChecks implements IAspect {
  /** Every rule of the pack. */
  public static readonly RULES: readonly LintRule[] = [
    productionPostgresPlan,
    productionPreventDestroy,
    secretInPlainConfig,
    domainWithoutAcm,
  ];

  /** Silences `ruleId` on `scope` and everything under it; the reason is kept in the construct tree for review. */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    if (reason.trim().length < 10) {
      throw new Error(`HerokuFlowChecks.suppress: give a reason of at least 10 characters for suppressing ${ruleId}`);
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
      if (finding && !isSuppressed(node, rule.id)) {
        Annotations.of(node).addWarning(`[${rule.id}] ${finding.what}: ${finding.why}`);
      }
    }
  }
}

function isSuppressed(node: IConstruct, ruleId: string): boolean {
  return node.node.scopes.some((scope) =>
    scope.node.metadata.some((entry) => entry.type === SUPPRESSION && entry.data.ruleId === ruleId),
  );
}
