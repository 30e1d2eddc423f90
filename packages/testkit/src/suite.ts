// The contract suite a package gets with zero hand-written test code: every operation of its spec
// against the Prism mock that global-setup.ts started for the package's vitest project.
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { type OperationCase, operationCases } from "./cases.js";
import { send } from "./request.js";
import { exampleOf, requiredProps } from "./samples.js";
import { contractApiFor, loadSpec, type Obj } from "./spec.js";

export interface ContractSuiteOptions {
  /** Base URL of the mock; default: the one global-setup provided (`inject("prismUrl")`). */
  baseUrl?: string;
  /** The document the mock serves; default: global-setup's (`inject("contractSpec")`). */
  specFile?: string;
}

const name = (c: OperationCase) => `${c.operationId} (${c.method.toUpperCase()} ${c.path})`;
const table = (cases: OperationCase[]) => cases.map((c) => [name(c), c] as const);

async function readBody(res: Response): Promise<{ text: string; json?: unknown }> {
  const text = await res.text();
  if (!text || !/json/.test(res.headers.get("content-type") ?? "")) return { text };
  return { text, json: JSON.parse(text) };
}

/**
 * Declares the contract suite for the package that `from` (its test file's `import.meta.url`)
 * lives in; the cases come from that package's spec alone.
 */
export function contractSuite(from: string, options: ContractSuiteOptions = {}): void {
  const api = contractApiFor(from);
  const doc = loadSpec(options.specFile ?? inject("contractSpec"));
  const cases = operationCases(doc);
  const baseUrl = () => options.baseUrl ?? inject("prismUrl");
  const specName = path.relative(path.resolve(api.packageDir, "../.."), api.specFile);

  describe(`contract of ${specName} against Prism`, () => {
    it("the spec has operations, each with a 2xx response", () => {
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.filter((c) => c.successStatuses.length === 0).map(name)).toEqual([]);
    });

    it.each(table(cases))("%s: valid request → its success status, no sl-violations", async (_n, c) => {
      const res = await send(baseUrl(), c);
      const { text, json } = await readBody(res);
      // Prism reports every request problem (missing header, invalid body…) in this header
      expect(res.headers.get("sl-violations"), text).toBeNull();
      expect(c.successStatuses, `status ${res.status}: ${text.slice(0, 500)}`).toContain(res.status);
      if (res.status !== c.successStatuses[0] || json === undefined) return;
      // static Prism serves the spec's own example; without one, the schema's required fields
      const example = exampleOf(doc, c.successMedia);
      if (example !== undefined) expect(json).toEqual(example);
      else if (json && typeof json === "object" && !Array.isArray(json)) {
        for (const key of requiredProps(doc, c.successMedia?.schema, "response")) expect(json as Obj, `required property ${key}`).toHaveProperty(key);
      }
    });

    const secured = cases.filter((c) => c.security.kind === "required");
    if (secured.length) {
      it.each(table(secured))("%s: no credentials → 401 (the spec requires security)", async (_n, c) => {
        const res = await send(baseUrl(), c, { credentials: false });
        await res.body?.cancel();
        expect(res.status).toBe(401);
      });
    }

    const open = cases.filter((c) => c.security.kind === "public");
    if (open.length) {
      it.each(table(open))("%s: no security in the spec → succeeds without credentials", async (_n, c) => {
        const res = await send(baseUrl(), c, { credentials: false });
        const { text } = await readBody(res);
        expect(c.successStatuses, `status ${res.status}: ${text.slice(0, 500)}`).toContain(res.status);
      });
    }

    const unsupported = cases.filter((c) => c.security.kind === "unsupported");
    if (unsupported.length) {
      it.each(table(unsupported))("%s: security the suite can exercise", (_n, c) => {
        throw new Error(c.security.kind === "unsupported" ? c.security.reason : "unreachable");
      });
    }

    const withRequired = cases.filter((c) => c.missingField);
    if (withRequired.length) {
      it.each(table(withRequired))("%s: body missing a required field → 4xx naming it", async (_n, c) => {
        const { body, field } = c.missingField!;
        const res = await send(baseUrl(), c, { body });
        const violations = res.headers.get("sl-violations") ?? "";
        await res.body?.cancel();
        expect(res.status, violations).toBeGreaterThanOrEqual(400);
        expect(res.status, violations).toBeLessThan(500);
        expect(violations).toContain(field);
      });
    }
  });
}
