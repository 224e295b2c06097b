import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes `files` (relative path → text) into `dir`, which must be empty or not exist yet, so that either every file
 * is there afterwards or none is. The files are written first into a temporary folder beside `dir` (the same file
 * system, so that moving them is a rename), then moved in; a failure removes whatever was moved, the temporary folder,
 * and the folders this call created.
 *
 * `dir` itself is kept rather than replaced by the temporary folder: a shell whose current directory it is (`mkdir app
 * && cd app && heroku-flow init`) would otherwise be left in a deleted directory.
 */
export function writeScaffold(dir: string, files: ReadonlyMap<string, string>): void {
  const existed = fs.existsSync(dir);
  if (existed && !fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  if (existed && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty; init writes into an empty directory`);
  }

  // The first folder this call creates (`dir` or an ancestor), removed again on failure; undefined when `dir` existed.
  const created = fs.mkdirSync(dir, { recursive: true });
  let staging: string | undefined;
  const moved: string[] = [];
  try {
    staging = fs.mkdtempSync(path.join(path.dirname(dir), `.${path.basename(dir)}-heroku-flow-init-`));
    for (const [relative, text] of files) {
      const file = path.join(staging, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    for (const entry of fs.readdirSync(staging)) {
      fs.renameSync(path.join(staging, entry), path.join(dir, entry));
      moved.push(entry);
    }
  } catch (error) {
    for (const entry of moved) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    if (created !== undefined) fs.rmSync(created, { recursive: true, force: true });
    throw error;
  } finally {
    if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
  }
}
