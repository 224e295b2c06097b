import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { declaredProductionLike } from "../private/production-intent";
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
  const match = /^\$\{heroku_app\.([^.}]+)\.id\}$/.exec(String(subject.attributes.app_id));
  if (!match) return undefined;
  const app = resourcesOf(subject.resource, "heroku_app").find((r) => r.friendlyUniqueId === match[1]);
  return app && { resource: app, attributes: attributesOf(app) };
}

/**
 * Whether an app holds production data: as its construct declared (`productionLike`, or an environment named
 * production), or else when the stack couples it to a pipeline at the production stage.
 */
export function isProductionLike(app: SynthesizedResource): boolean {
  const declared = declaredProductionLike(app.resource);
  if (declared !== undefined) return declared;
  const reference = `\${heroku_app.${app.resource.friendlyUniqueId}.id}`;
  return resourcesOf(app.resource, "heroku_pipeline_coupling")
    .map(attributesOf)
    .some((coupling) => coupling.app_id === reference && isProductionLikeEnvironment({ stage: coupling.stage }));
}

/** The resolver cdktf synthesizes with: references become `${type.name.attribute}` strings. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function attributesOf(resource: TerraformResource): Record<string, any> {
  const synthesized = Tokenization.resolve(resource.toTerraform(), {
    scope: TerraformStack.of(resource),
    preparing: false,
    resolver: RESOLVER,
  });
  // A resource's toTerraform() always has this one block.
  return synthesized.resource[resource.terraformResourceType][resource.friendlyUniqueId];
}

function resourcesOf(near: IConstruct, type: string): TerraformResource[] {
  return TerraformStack.of(near)
    .node.findAll()
    .filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === type);
}
