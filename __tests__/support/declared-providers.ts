import * as fs from "fs";
import * as path from "path";

/** A provider cdktf.json declares, as `cdktf get` and `cdktn get` name it: bare name and version constraint. */
export interface DeclaredProvider {
  readonly name: string;
  readonly constraint: string;
}

/** The providers this repository's cdktf.json declares (`terraformProviders`), in its order. */
export function declaredProviders(root: string = path.resolve(__dirname, "..", "..")): DeclaredProvider[] {
  const entries = JSON.parse(fs.readFileSync(path.join(root, "cdktf.json"), "utf8")).terraformProviders as string[];
  return entries.map((entry) => {
    const [source, constraint] = entry.split("@");
    return { name: source.split("/").pop()!.toLowerCase(), constraint };
  });
}
