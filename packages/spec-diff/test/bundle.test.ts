// Multi-file documents: `$ref`s to other files are bundled before comparing, so a change made inside
// a referenced file is reported; one that cannot be resolved is refused (exit 2), never compared by
// its text. Sources on disk and at a git ref (the referenced files read at the same ref) alike.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DiffInputError, diffSpecs, loadSpec } from "../src/index.js";

const binJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/bin.js");

const ROOT = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: A pet.
          content:
            application/json:
              schema: { $ref: "./schemas/pet.yaml" }
`;
const PET = (nameType: string) => `type: object
required: [id, name]
properties:
  id: { type: string }
  name: { type: ${nameType} }
  owner: { $ref: "./owner.yaml#/Owner" }
`;
const OWNER = "Owner:\n  type: object\n  properties:\n    email: { type: string }\n";

/** A directory holding the three files; `nameType` is the type of Pet.name. */
function specDir(nameType: string, dir = mkdtempSync(path.join(tmpdir(), "spec-diff-bundle-"))): string {
  mkdirSync(path.join(dir, "schemas"), { recursive: true });
  writeFileSync(path.join(dir, "openapi.yaml"), ROOT);
  writeFileSync(path.join(dir, "schemas/pet.yaml"), PET(nameType));
  writeFileSync(path.join(dir, "schemas/owner.yaml"), OWNER);
  return dir;
}

function bin(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => execFile(process.execPath, [binJs, ...args], { cwd }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr })));
}

describe("multi-file documents", () => {
  it("a change inside a referenced file is reported at its place in the bundle", async () => {
    const base = await loadSpec(path.join(specDir("string"), "openapi.yaml"));
    const head = await loadSpec(path.join(specDir("integer"), "openapi.yaml"));
    const { changes } = diffSpecs(base, head);
    expect(changes.map((c) => [c.level, c.id, c.operation])).toEqual([["ERR", "response-property-type-changed", "GET /pets/{id}"]]);
    expect(changes[0]!.head).toMatch(/^#\/components\/schemas\/[^/]+\/properties\/name$/);
  });

  it("a change two files away (pet.yaml → owner.yaml) is reported too", async () => {
    const headDir = specDir("string");
    writeFileSync(path.join(headDir, "schemas/owner.yaml"), `${OWNER}  required: [email]\n`);
    const { changes } = diffSpecs(await loadSpec(path.join(specDir("string"), "openapi.yaml")), await loadSpec(path.join(headDir, "openapi.yaml")));
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(["INFO response-property-became-required"]);
  });

  it("the bin reads the base at a git ref, its referenced files at the same ref", async () => {
    const dir = specDir("string");
    const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
    writeFileSync(path.join(dir, "schemas/pet.yaml"), PET("integer"));
    const r = await bin(dir, "--base", "HEAD:openapi.yaml", "--head", "openapi.yaml", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes.map((c: { id: string }) => c.id)).toEqual(["response-property-type-changed"]);
  });

  it("an external $ref that cannot be resolved is refused with exit 2, naming it and the fix", async () => {
    const dir = specDir("string");
    writeFileSync(path.join(dir, "schemas/pet.yaml"), PET("string").replace("./owner.yaml#/Owner", "./missing.yaml#/Owner"));
    await expect(loadSpec(path.join(dir, "openapi.yaml"))).rejects.toThrow(DiffInputError);
    const r = await bin(dir, "--base", "openapi.yaml", "--head", "openapi.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/still has 1 external \$ref after bundling: \.\/missing\.yaml#\/Owner[\s\S]*Fix: make every referenced file readable/);
  });
});
