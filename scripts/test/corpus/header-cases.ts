// Corpus cases for headers and parameter serialisation: response headers (reached through
// `$ref`ed responses and `$ref`ed headers), webhook header parameters (compared as response
// headers: the vendor sends them) and parameter `style`/`explode`. Targets are found by search.
import type { CorpusCase } from "./cases.ts";
import { deref, ops, params, typeOf } from "./find.ts";

type Doc = Record<string, any>;
type Obj = Record<string, any>;

interface HeaderHit {
  /** The response (resolved, live) holding the header. */
  response: Obj;
  name: string;
  /** The header as written: maybe a `$ref`. */
  raw: unknown;
  /** The header resolved (live: editing it edits every response using it). */
  header: Obj;
}

/** A response header for which `pred` holds, in any operation's responses. */
function responseHeader(doc: Doc, what: string, pred: (h: HeaderHit) => boolean): HeaderHit {
  for (const o of ops(doc)) {
    for (const r of Object.values<unknown>(o.op.responses ?? {})) {
      const response = deref(doc, r);
      for (const [name, raw] of Object.entries<unknown>(response?.headers ?? {})) {
        const hit = { response, name, raw, header: deref(doc, raw) };
        if (pred(hit)) return hit;
      }
    }
  }
  throw new Error(`corpus: no response header ${what} in the spec`);
}

/** A webhook operation and one of its header parameters (resolved, live) for which `pred` holds. */
function webhookHeader(doc: Doc, what: string, pred: (p: Obj) => boolean): { op: Obj; raw: unknown; p: Obj } {
  for (const item of Object.values<Obj>(doc.webhooks ?? {})) {
    for (const op of Object.values<Obj>(item ?? {})) {
      const raw = (op?.parameters ?? []).find((x: unknown) => deref(doc, x)?.in === "header" && pred(deref(doc, x)));
      if (raw) return { op, raw, p: deref(doc, raw) };
    }
  }
  throw new Error(`corpus: no webhook header parameter ${what} in the spec`);
}

/** A parameter (resolved, live) of some operation, `in` the given place, with a scalar schema. */
function scalarParam(doc: Doc, where: "query" | "path"): Obj {
  for (const o of ops(doc)) {
    const p = params(doc, o).find((x) => x.in === where && x.schema && ["string", "integer", "number", "boolean"].includes(typeOf(deref(doc, x.schema)) ?? "") && x.style === undefined && x.explode === undefined);
    if (p) return p;
  }
  throw new Error(`corpus: no ${where} parameter with a scalar schema and default serialisation`);
}

export const HEADER_CASES: CorpusCase[] = [
  // ── response headers ──────────────────────────────────────────────────────────────────────────
  {
    name: "optional response header removed from a $ref'd response",
    want: ["ERR optional-response-header-removed"],
    bump: "major",
    opticNote: "oasdiff says WARN for an optional header; the generated types name the header and the runtime paces retries by Retry-After.",
    mutate: (d) => {
      const { response, name } = responseHeader(d, "that is optional", (x) => x.header.required !== true);
      delete response.headers[name];
    },
  },
  {
    name: "response header added",
    want: ["INFO response-header-added"],
    bump: "minor",
    mutate: (d) => {
      const o = ops(d).find((x) => Object.keys(x.op.responses ?? {}).some((c) => /^2/.test(c)))!;
      const code = Object.keys(o.op.responses).find((c) => /^2/.test(c))!;
      const res = deref(d, o.op.responses[code]);
      o.op.responses[code] = { ...res, headers: { ...res.headers, "X-Corpus-Trace": { schema: { type: "string" } } } };
    },
  },
  {
    name: "response header became required behind a $ref'd header",
    want: ["INFO response-header-became-required"],
    bump: "patch",
    mutate: (d) => (responseHeader(d, "optional, defined in components/headers", (x) => typeof (x.raw as Obj)?.$ref === "string" && x.header.required !== true).header.required = true),
  },
  {
    name: "response header type changed behind a $ref'd header",
    want: ["ERR response-header-type-changed"],
    bump: "major",
    mutate: (d) => {
      const { header } = responseHeader(d, "$ref'd with an integer schema", (x) => typeof (x.raw as Obj)?.$ref === "string" && typeOf(deref(d, x.header.schema)) === "integer");
      const s = deref(d, header.schema);
      s.type = "string";
      for (const k of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format"]) delete s[k];
    },
  },
  {
    name: "response header renamed only in letter case",
    want: [],
    bump: "none",
    mutate: (d) => {
      const { response, name, raw } = responseHeader(d, "whose name has upper case", (x) => x.name !== x.name.toLowerCase());
      delete response.headers[name];
      response.headers[name.toLowerCase()] = raw;
    },
  },
  {
    name: "inlined $ref'd response header",
    want: [],
    bump: "none",
    mutate: (d) => {
      const { response, name, header } = responseHeader(d, "given by $ref", (x) => typeof (x.raw as Obj)?.$ref === "string");
      response.headers[name] = structuredClone(header);
    },
  },

  // ── webhook header parameters (sent by the vendor: compared as response headers) ─────────────
  {
    name: "webhook required header removed",
    want: ["ERR required-response-header-removed"],
    bump: "major",
    mutate: (d) => {
      const { op, raw } = webhookHeader(d, "that is required", (p) => p.required === true);
      op.parameters.splice(op.parameters.indexOf(raw), 1);
    },
  },
  {
    name: "webhook header became optional",
    want: ["WARN response-header-became-optional"],
    bump: "minor",
    opticNote: "oasdiff says ERR; headers are read from the untyped Headers object, so receivers keep compiling but may rely on a value now missing.",
    mutate: (d) => (webhookHeader(d, "that is required", (p) => p.required === true).p.required = false),
  },
  {
    name: "webhook required header added",
    want: ["INFO response-header-added"],
    bump: "minor",
    mutate: (d) => webhookHeader(d, "any", () => true).op.parameters.push({ name: "X-Corpus-Delivery", in: "header", required: true, schema: { type: "string" } }),
  },
  {
    name: "webhook header type changed",
    want: ["ERR response-header-type-changed"],
    bump: "major",
    mutate: (d) => {
      const s = deref(d, webhookHeader(d, "with an integer schema", (p) => typeOf(deref(d, p.schema)) === "integer").p.schema);
      s.type = "string";
      delete s.format;
    },
  },

  // ── parameter serialisation ───────────────────────────────────────────────────────────────────
  {
    name: "path parameter style simple → label",
    want: ["ERR request-parameter-style-changed"],
    bump: "major",
    mutate: (d) => (scalarParam(d, "path").style = "label"),
  },
  {
    name: "query parameter style form → deepObject",
    want: ["ERR request-parameter-style-changed"],
    bump: "major",
    mutate: (d) => (scalarParam(d, "query").style = "deepObject"),
  },
  {
    name: "default style and explode written out",
    want: [],
    bump: "none",
    mutate: (d) => {
      Object.assign(scalarParam(d, "query"), { style: "form", explode: true });
      Object.assign(scalarParam(d, "path"), { style: "simple", explode: false });
    },
  },
  {
    name: "explode flipped on a scalar query parameter",
    want: [],
    bump: "none",
    mutate: (d) => (scalarParam(d, "query").explode = false),
  },
];
