import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { redactWith, resolveCredentials } from "./credentials.js";
import { findApi } from "./registry.js";

const dir = mkdtempSync(path.join(tmpdir(), "apiforge-cred-"));

describe("credentials", () => {
  it("reads --*-file flags into client options and collects every secret, env and file, with its Basic encodings", () => {
    const file = path.join(dir, "token");
    writeFileSync(file, "file-token-123\n");
    const c = resolveCredentials(findApi("clientary")!, { "token-file": file }, { CLIENTARY_API_TOKEN: "env-token-456" });
    expect(c.options).toEqual({ token: "file-token-123" });
    expect(c.sources).toEqual([`--token-file ${file}`, "CLIENTARY_API_TOKEN"]);
    expect(c.secrets).toContain("env-token-456");
    expect(c.secrets).toContain(Buffer.from("file-token-123:file-token-123").toString("base64"));
  });

  it("an unreadable or empty file is a usage error naming the flag", () => {
    expect(() => resolveCredentials(findApi("parallax")!, { "api-key-file": path.join(dir, "missing") }, {})).toThrow(/--api-key-file .*cannot read the file \(ENOENT\)/);
    writeFileSync(path.join(dir, "empty"), "\n");
    expect(() => resolveCredentials(findApi("parallax")!, { "api-key-file": path.join(dir, "empty") }, {})).toThrow(/the file is empty/);
  });

  it("redacts every occurrence, longest secret first", () => {
    const redact = redactWith(["abcd", "abcdef"]);
    expect(redact("key abcdef and abcd")).toBe("key [REDACTED] and [REDACTED]");
  });
});
