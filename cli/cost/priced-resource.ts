import type { PriceCatalogue } from "./price-catalogue";

/** A Terraform resource as the cost code reads it: its address, type and attribute values (synthesized or planned). */
export interface ResourceValues {
  readonly address: string;
  readonly type: string;
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Attributes whose value must not be shown (Terraform's sensitive mask) or is not known until apply: priced as
   * unknown, never named.
   *
   * @default - every value may be shown
   */
  readonly hidden?: (attribute: string) => boolean;
}

/** One thing a stack pays for every month: a process type's dynos or one add-on. */
export interface CostItem {
  readonly address: string;
  readonly kind: "dynos" | "addon";
  /** What is paid for, e.g. `web: 2 × standard-1x` or `heroku-postgresql:standard-0`. */
  readonly description: string;
  /** The dyno size or add-on plan priced, or undefined when it is hidden or unknown until apply. */
  readonly plan?: string;
  /** How many units run (dynos of the process type; 1 for an add-on), or undefined when unknown until apply. */
  readonly quantity?: number;
  /** The monthly price of one unit in USD, or undefined when the catalogue has none: shown as "unknown", never 0. */
  readonly unitUsd?: number;
  /**
   * Paid once per Heroku account however many units run (Eco dynos: one plan for a shared pool of dyno hours), so
   * totals count it once across stacks.
   */
  readonly perAccount: boolean;
}

/** The resource types that cost money, and how each is priced. */
const PRICERS: Readonly<Record<string, (resource: ResourceValues, prices: PriceCatalogue) => CostItem>> = {
  heroku_formation: priceFormation,
  heroku_addon: priceAddon,
};

/** The monthly cost item of `resource`, or undefined for a resource Heroku does not bill (an app, a config var…). */
export function costItemOf(resource: ResourceValues, prices: PriceCatalogue): CostItem | undefined {
  const pricer = PRICERS[resource.type];
  return pricer?.(resource, prices);
}

function priceFormation(resource: ResourceValues, prices: PriceCatalogue): CostItem {
  const size = shownString(resource, "size");
  const quantity = shownQuantity(resource);
  const type = shownString(resource, "type") ?? "dynos";
  const price = size === undefined ? undefined : prices.dynoPrice(size);
  const count = quantity === undefined ? "?" : String(quantity);
  return {
    address: resource.address,
    kind: "dynos",
    description: `${type}: ${count} × ${size ?? "(size unknown)"}`,
    plan: size?.toLowerCase(),
    quantity,
    unitUsd: price?.monthlyUsd,
    perAccount: price?.perAccount ?? false,
  };
}

function priceAddon(resource: ResourceValues, prices: PriceCatalogue): CostItem {
  const plan = shownString(resource, "plan");
  const price = plan === undefined ? undefined : prices.addonPrice(plan);
  return {
    address: resource.address,
    kind: "addon",
    description: plan ?? "(plan unknown)",
    plan,
    quantity: 1,
    unitUsd: price?.monthlyUsd,
    perAccount: price?.perAccount ?? false,
  };
}

function shownString(resource: ResourceValues, attribute: string): string | undefined {
  const value = resource.values[attribute];
  // A Terraform reference (`${var.size}`) is not a size until apply.
  return typeof value === "string" && !value.includes("${") && !resource.hidden?.(attribute) ? value : undefined;
}

function shownQuantity(resource: ResourceValues): number | undefined {
  const value = resource.values.quantity;
  if (resource.hidden?.("quantity")) return undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}
