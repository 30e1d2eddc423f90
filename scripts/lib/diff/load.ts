// Reading one side of a diff: a file path, or `<git-ref>:<path>` read with `git show`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PipelineError, SpecParseError } from "../errors.ts";
import { parseSpec, type OpenApiDoc } from "../spec-doc.ts";

/** An input the diff cannot use: missing file, bad git ref, not OpenAPI 3.x. Exit code 2. */
export class DiffInputError extends PipelineError {
  override readonly exitCode = 2;
}

const SOURCE_HINT = "pass a path to an OpenAPI 3.x YAML/JSON file, or <git-ref>:<path> such as HEAD:spec/parallax/openapi.yaml";

/** `HEAD:spec/x.yaml` → { ref: "HEAD", file: "spec/x.yaml" }; anything that is an existing file stays a file. */
export function parseSource(source: string, cwd = process.cwd()): { ref: string; file: string } | null {
  if (existsSync(path.resolve(cwd, source))) return null;
  const m = /^([^:\s]+):(.+)$/.exec(source);
  // "C:\..." style drive letters are paths, not refs
  if (!m || /^[A-Za-z]$/.test(m[1]!)) return null;
  return { ref: m[1]!, file: m[2]! };
}

function readText(source: string, cwd: string): string {
  const git = parseSource(source, cwd);
  if (git) {
    try {
      // `ref:./path` makes git resolve the path against cwd, as a user typing it expects
      const spec = git.file.startsWith("/") ? `${git.ref}:${git.file.slice(1)}` : `${git.ref}:${git.file.startsWith("./") ? git.file : `./${git.file}`}`;
      return execFileSync("git", ["show", spec], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim().split("\n")[0];
      throw new DiffInputError(`Cannot read ${source} from git: ${stderr}`, `check that the ref exists (git rev-parse ${git.ref}) and that the path exists at that ref; or ${SOURCE_HINT}.`, { cause: err });
    }
  }
  try {
    return readFileSync(path.resolve(cwd, source), "utf8");
  } catch (err) {
    throw new DiffInputError(`Cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, `${SOURCE_HINT}.`, { cause: err });
  }
}

/** Loads and parses one side of the diff; throws DiffInputError naming the problem and the fix. */
export function loadSpec(source: string, cwd = process.cwd()): OpenApiDoc {
  const text = readText(source, cwd);
  try {
    return parseSpec(text, source);
  } catch (err) {
    if (err instanceof SpecParseError) throw new DiffInputError(err.message, err.hint, { cause: err });
    throw err;
  }
}
