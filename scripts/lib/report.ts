import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { PROJECT_ROOT } from "./project-root";

/** nproc, the CPU model, Node's version and the versions of `packages`: what the numbers depend on. */
export function machineDescription(packages: string[]): string {
  let cpus = String(os.availableParallelism());
  try {
    cpus = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc is missing: keep Node's count
  }
  const cpuInfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const version = (pkg: string) =>
    JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  return [
    `machine: ${cpus} CPUs (nproc), ${model}`,
    [`node ${process.version}`, ...packages.map((pkg) => `${pkg} ${version(pkg)}`)].join(", "),
  ].join("\n");
}

/** A duration as "12 min 5 s", whole seconds (59.6 s is "1 min 0 s", never "0 min 60 s"). */
export function minutesAndSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Plain-text columns: the first left-aligned, the others right-aligned; a short row's last cell runs on. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.filter((row) => row.length === headers.length).map((row) => row[column].length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => {
        if (row.length < headers.length && column === row.length - 1) return cell;
        return column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]);
      })
      .join("  ")
      .trimEnd();
  return [format(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(format)].join("\n");
}
