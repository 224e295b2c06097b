import { AnnotationMetadataEntryType, Annotations, IAspect } from "cdktf";
import { IConstruct } from "constructs";
import { expectString, reporterFor } from "../private/prop-types";
import { validateAtSynth } from "../private/validation";
import { LintFinding, LintRule } from "./lint-rule";
import { domainWithoutAcm } from "./rules/domain-without-acm";
import { environmentStageMismatch } from "./rules/environment-stage-mismatch";
import { productionDataStorePlan } from "./rules/production-data-store-plan";
import { productionEcoOrBasicDynos } from "./rules/production-eco-or-basic-dynos";
import { productionPreventDestroy } from "./rules/production-prevent-destroy";
import { productionWithoutWebDynos } from "./rules/production-without-web-dynos";
import { secretInPlainConfig } from "./rules/secret-in-plain-config";
import { unprotectedProductionDeployKey } from "./rules/unprotected-production-deploy-key";
import { isLintedBeforeSynth } from "./lint-pass";

const SUPPRESSION = "heroku-flow:lint-suppression";

/** Options for {@link HerokuFlowChecks}. */
export interface HerokuFlowChecksProps {
  /**
   * The rules to run. A rule's level can be changed by passing it again with another `level`, e.g.
   * `{ ...rule, level: "error" }`.
   *
   * @default HerokuFlowChecks.RULES
   */
  readonly rules?: readonly LintRule[];
}

/**
 * The Heroku Flow lint pack, in the spirit of cdk-nag: an Aspect that reports, at synth, topology that works but is
 * risky, saying what is wrong and why it matters. Each rule is a warning or an error:
 *
 * - a warning is printed by `cdktf synth` and recorded in `manifest.json`; the synth goes on;
 * - an error is a problem of the app, in the same report as every invalid value ({@link FlowValidation}: construct
 *   path, field, value, rule, hint), and nothing is synthesized while it stands. A plain `app.synth()` fails on it too.
 *
 * A finding can be waived under a scope with {@link HerokuFlowChecks.suppress}, which takes the reason; every finding
 * a suppression silenced is listed in the synth output as an info annotation (rule, where it was suppressed, the
 * reason), as cdk-nag's `logIgnores` does, so that a reviewer sees what was waived and why.
 *
 * Like cdk-nag's rules, which read `CfnResource`s, these read the generated resources (`heroku_app`, `heroku_addon`,
 * `gitlab_project_variable`, …) as they will be synthesized, so raw resources and escape-hatch edits are checked too.
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
    productionDataStorePlan,
    productionPreventDestroy,
    secretInPlainConfig,
    domainWithoutAcm,
    productionWithoutWebDynos,
    productionEcoOrBasicDynos,
    unprotectedProductionDeployKey,
    environmentStageMismatch,
  ];

  /**
   * Silences `ruleId` on `scope` and everything under it, warning or error; each finding it silences is listed in the
   * synth output with the reason. A reason shorter than 10 characters is a problem of the app (nothing is
   * synthesized).
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    const report = reporterFor(scope);
    const typed = expectString(report, "HerokuFlowChecks.suppress() ruleId", ruleId);
    if (!expectString(report, `HerokuFlowChecks.suppress(${ruleId}) reason`, reason) || !typed) return;
    if (reason.trim().length < 10) {
      report(
        `HerokuFlowChecks.suppress(${ruleId}) reason`,
        reason,
        "must say why, in at least 10 characters",
        "the reason is what reviewers read instead of the finding",
      );
      return;
    }
    scope.node.addMetadata(SUPPRESSION, { ruleId, reason });
  }

  private readonly rules: readonly LintRule[];

  constructor(props: HerokuFlowChecksProps = {}) {
    this.rules = props.rules ?? HerokuFlowChecks.RULES;
  }

  /**
   * Checks `node` against every rule. Idempotent: a stack is often visited more than once (validation before synth,
   * tests that synthesize twice), and each finding is reported once.
   */
  public visit(node: IConstruct): void {
    if (isLintedBeforeSynth(node)) return;
    for (const rule of this.rules) {
      const finding = rule.check(node);
      if (!finding) continue;
      const suppression = suppressionOf(node, rule.id);
      if (suppression) {
        annotateOnce(node, AnnotationMetadataEntryType.INFO, suppressedMessage(rule, finding, suppression));
      } else if (rule.level === "error") {
        failSynthOn(node, rule);
      } else {
        annotateOnce(node, AnnotationMetadataEntryType.WARN, `[${rule.id}] ${finding.what}: ${finding.why}`);
      }
    }
  }
}

interface Suppression {
  /** The path of the scope the suppression was added to. */
  readonly path: string;
  readonly reason: string;
}

/** The suppression of `ruleId` nearest to `node` (on it, or on one of its scopes). */
function suppressionOf(node: IConstruct, ruleId: string): Suppression | undefined {
  for (const scope of [...node.node.scopes].reverse()) {
    const entry = scope.node.metadata.find((e) => e.type === SUPPRESSION && e.data.ruleId === ruleId);
    if (entry) return { path: scope.node.path, reason: entry.data.reason };
  }
  return undefined;
}

function suppressedMessage(rule: LintRule, finding: LintFinding, suppression: Suppression): string {
  return `[${rule.id}] suppressed on ${suppression.path || "the app"} (${suppression.reason}): ${finding.what}`;
}

function annotateOnce(node: IConstruct, type: AnnotationMetadataEntryType, message: string): void {
  if (node.node.metadata.some((entry) => entry.type === type && entry.data === message)) return;
  if (type === AnnotationMetadataEntryType.INFO) Annotations.of(node).addInfo(message);
  else Annotations.of(node).addWarning(message);
}

/** The rules whose error is already part of each construct's validation. */
const failing = new WeakMap<IConstruct, Set<string>>();

/**
 * Makes `rule` a problem of `node` in the app's one report. The rule is checked again when the report is made, so a
 * finding fixed or suppressed since (an escape-hatch edit, a test that synthesizes twice) no longer counts.
 */
function failSynthOn(node: IConstruct, rule: LintRule): void {
  const known = failing.get(node) ?? new Set<string>();
  failing.set(node, known);
  if (known.has(rule.id)) return;
  known.add(rule.id);
  validateAtSynth(node, (problems) => {
    const finding = rule.check(node);
    if (!finding || suppressionOf(node, rule.id)) return;
    problems.add(finding.field, finding.value, `[${rule.id}] ${finding.what}`, finding.why);
  });
}
