import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { rememberedAttributes, rememberedResources } from "./lint-pass";
import { declaredEnvironmentName, declaredProductionLike } from "../private/production-intent";
import { isProductionLike as isProductionLikeEnvironment } from "../production-like";

/**
 * What the lint rules read: the resources as they will be synthesized — the generated resource's attributes with
 * escape-hatch edits (`resource.lifecycle = …`, `addOverride`) applied and references resolved — so that a raw
 * `heroku_app` or an edited one is checked like one that a construct of this library made.
 */
export interface SynthesizedResource {
  readonly resource: TerraformResource;
  /** The resource's block in `cdk.tf.json`, e.g. `{ name: "acme", lifecycle: { prevent_destroy: true } }`. */
  readonly attributes: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** `node` as a synthesized resource, when it is a resource of `type` (e.g. `heroku_app`). */
export function synthesizedAs(node: IConstruct, type: string): SynthesizedResource | undefined {
  if (!(node instanceof TerraformResource) || node.terraformResourceType !== type) return undefined;
  return { resource: node, attributes: attributesOf(node) };
}

/**
 * The app an `app_id` attribute refers to: the `heroku_app` resource of the same stack it references, or undefined
 * when the app is not managed here (a data source, an id from another stack, a literal id).
 */
export function appOf(subject: SynthesizedResource): SynthesizedResource | undefined {
  return appReferencedBy(subject.resource, subject.attributes.app_id, "id");
}

/**
 * The `heroku_app` of `near`'s stack that `value` is exactly a reference to (`${heroku_app.<name>.<attribute>}`), or
 * undefined when it is anything else.
 */
export function appReferencedBy(near: IConstruct, value: unknown, attribute: string): SynthesizedResource | undefined {
  return resourceReferencedBy(near, value, "heroku_app", attribute);
}

/**
 * The resource of `type` in `near`'s stack that `value` is exactly a reference to (`${<type>.<name>.<attribute>}`), or
 * undefined when it is anything else.
 */
export function resourceReferencedBy(
  near: IConstruct,
  value: unknown,
  type: string,
  attribute: string,
): SynthesizedResource | undefined {
  const match = /^\$\{([^.}]+)\.([^.}]+)\.([^.}]+)\}$/.exec(String(value));
  if (!match || match[1] !== type || match[3] !== attribute) return undefined;
  const found = terraformResourcesOf(near, type).find((resource) => resource.friendlyUniqueId === match[2]);
  return found && { resource: found, attributes: attributesOf(found) };
}

/** The resources of `type` in `app`'s stack whose `app_id` references `app` (its formations, couplings, …). */
export function resourcesOfApp(app: SynthesizedResource, type: string): SynthesizedResource[] {
  const reference = `\${heroku_app.${app.resource.friendlyUniqueId}.id}`;
  return resourcesOf(app.resource, type).filter((subject) => subject.attributes.app_id === reference);
}

/** Every resource of `type` in `near`'s stack, as synthesized. */
export function resourcesOf(near: IConstruct, type: string): SynthesizedResource[] {
  return terraformResourcesOf(near, type).map((resource) => ({ resource, attributes: attributesOf(resource) }));
}

/**
 * Whether an app holds production data: as its construct declared (`productionLike`, or an environment named
 * production), or else when the stack couples it to a pipeline at the production stage.
 */
export function isProductionLike(app: SynthesizedResource): boolean {
  const declared = declaredProductionLike(app.resource);
  if (declared !== undefined) return declared;
  return resourcesOfApp(app, "heroku_pipeline_coupling").some((coupling) =>
    isProductionLikeEnvironment({ stage: coupling.attributes.stage }),
  );
}

/** The environment an app serves, as its construct declared it (`environment`); undefined for a raw `heroku_app`. */
export function environmentNameOf(app: SynthesizedResource): string | undefined {
  return declaredEnvironmentName(app.resource);
}

/** The resolver cdktf synthesizes with: references become `${type.name.attribute}` strings. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function attributesOf(resource: TerraformResource): Record<string, any> {
  return rememberedAttributes(resource, resolvedAttributes);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resolvedAttributes(resource: TerraformResource): Record<string, any> {
  const synthesized = Tokenization.resolve(resource.toTerraform(), {
    scope: TerraformStack.of(resource),
    preparing: false,
    resolver: RESOLVER,
  });
  // A resource's toTerraform() always has this one block.
  return synthesized.resource[resource.terraformResourceType][resource.friendlyUniqueId];
}

function terraformResourcesOf(near: IConstruct, type: string): TerraformResource[] {
  return rememberedResources(TerraformStack.of(near), type);
}
