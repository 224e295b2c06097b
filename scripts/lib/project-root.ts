import * as path from "node:path";

/** The project's root directory (this file is in scripts/lib/). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
