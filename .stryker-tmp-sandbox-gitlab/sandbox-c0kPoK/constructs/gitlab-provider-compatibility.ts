// @ts-nocheck
import { IAspect, TerraformElement, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import GITLAB_BINDINGS from "@cdktf/provider-gitlab/package.json";
import TARGETS from "./gitlab-provider-differences.json";

/** What an older GitLab provider lacks, compared with the one `@cdktf/provider-gitlab` was generated for. */
interface CompatibilityTarget {
  /** Provider arguments it does not have. */
  readonly provider: readonly string[];
  /** Per resource type, the arguments it does not have; `block.field` names a field of a nested block. */
  readonly resources: Readonly<Record<string, readonly string[]>>;
  /** Per resource type, arguments it has under an older name (new name → old name), moved before removal. */
  readonly renamed: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const targets: Readonly<Record<string, CompatibilityTarget>> = TARGETS;

/**
 * Makes a stack's GitLab resources deployable with an older GitLab provider than the one the bindings target.
 *
 * `@cdktf/provider-gitlab` 15.6.2 was generated for gitlabhq/gitlab 18.6.1, and that is what stacks deploy to real
 * GitLab. Where only an older provider can be had (machines that cannot reach the Terraform registry build it from
 * source, and the newest GitLab provider source available there is 16.1.1), Terraform would reject the arguments that
 * provider does not know yet. This aspect removes exactly those, moves the one argument 16.1.1 knows under an older
 * name (a protected environment's `deploy_access_levels_attribute`, which 16.1.1 spells as the
 * `deploy_access_levels` block), and pins the stack's required GitLab provider to that version. Nothing else changes.
 * The list for each version lives in `gitlab-provider-differences.json` and is checked against that provider's own
 * schema by the tests.
 *
 * What is lost on such a target is cosmetic for the sandbox: CI/CD variables without `description` and `hidden`, and
 * environments whose tier GitLab derives from their name.
 *
 * cdktf runs only aspects registered on a stack, so register it on each stack:
 * `Aspects.of(stack).add(new GitlabProviderCompatibility("16.1.1"))`.
 */
export class GitlabProviderCompatibility implements IAspect {
  /** The GitLab provider version `@cdktf/provider-gitlab` was generated for: what stacks target without this aspect. */
  public static readonly BINDINGS_VERSION: string = GITLAB_BINDINGS.cdktf.provider.version;

  /** The GitLab provider versions this aspect can target, newest first. */
  public static readonly VERSIONS: readonly string[] = Object.keys(targets).sort((a, b) =>
    b.localeCompare(a, undefined, { numeric: true }),
  );

  private readonly target: CompatibilityTarget;

  /**
   * @param version the GitLab provider version the stack must work with; one of {@link GitlabProviderCompatibility.VERSIONS}
   */
  constructor(public readonly version: string) {
    const target = targets[version];
    if (target === undefined) {
      throw new Error(
        `GitlabProviderCompatibility: version ${JSON.stringify(version)} must be one of ` +
          `${GitlabProviderCompatibility.VERSIONS.join(", ")} (the GitLab provider versions whose differences are known)`,
      );
    }
    this.target = target;
  }

  public visit(node: IConstruct): void {
    if (TerraformProvider.isTerraformProvider(node) && node.terraformResourceType === "gitlab") {
      removeArguments(node, this.target.provider, attributesOf(node));
      TerraformStack.of(node).addOverride("terraform.required_providers.gitlab.version", this.version);
      return;
    }
    if (!TerraformResource.isTerraformResource(node)) return;
    const removed = this.target.resources[node.terraformResourceType];
    const renamed = this.target.renamed[node.terraformResourceType] ?? {};
    if (removed === undefined && Object.keys(renamed).length === 0) return;

    const attributes = attributesOf(node);
    for (const [current, older] of Object.entries(renamed)) {
      if (attributes[current] === undefined) continue;
      node.addOverride(older, withoutFields(attributes[current], nestedFields(removed ?? [], older)));
      node.addOverride(current, undefined);
      delete attributes[current];
    }
    removeArguments(node, removed ?? [], attributes);
  }
}

/** The arguments as they would be synthesized now (generated values and earlier overrides). */
function attributesOf(element: TerraformResource | TerraformProvider): Record<string, unknown> {
  const synthesized = element.toTerraform() as Record<string, Record<string, unknown>>;
  const byType = element instanceof TerraformProvider ? synthesized.provider : synthesized.resource;
  const entry = byType?.[element.terraformResourceType];
  const attributes = Array.isArray(entry)
    ? entry[0]
    : (entry as Record<string, unknown>)[(element as TerraformResource).friendlyUniqueId];
  return { ...((attributes as Record<string, unknown>) ?? {}) };
}

/** The fields of nested block `block` among `names` (`block.field`). */
function nestedFields(names: readonly string[], block: string): string[] {
  return names.filter((name) => name.startsWith(`${block}.`)).map((name) => name.slice(block.length + 1));
}

function withoutFields(value: unknown, fields: readonly string[]): unknown {
  if (!Array.isArray(value) || fields.length === 0) return value;
  return value.map((entry) =>
    Object.fromEntries(Object.entries(entry as Record<string, unknown>).filter(([key]) => !fields.includes(key))),
  );
}

/**
 * Removes each named argument that is set. A nested block's field is removed entry by entry (`block.0.field`): an
 * override with the whole list would be appended to the generated one, not replace it.
 */
function removeArguments(element: TerraformElement, names: readonly string[], attributes: Record<string, unknown>) {
  for (const name of names) {
    const [block, field] = name.split(".");
    if (field === undefined) {
      if (attributes[name] !== undefined) element.addOverride(name, undefined);
      continue;
    }
    const entries = attributes[block];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (entry?.[field] !== undefined) element.addOverride(`${block}.${index}.${field}`, undefined);
    });
  }
}
