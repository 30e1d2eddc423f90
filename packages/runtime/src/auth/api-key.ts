// API key in a header, the query string or a cookie (OpenAPI `type: apiKey`).
import { INSPECT, withHeader, withQuery } from "./shared.js";
import type { Auth } from "./types.js";

/** Where the key goes and under which name. */
export interface ApiKeyAuthOptions {
  in: "header" | "query" | "cookie";
  name: string;
}

/** Sends a static API key with every request. */
export class ApiKeyAuth implements Auth {
  readonly scheme = "apiKey";
  readonly redactHeaders: readonly string[];
  readonly #key: string;
  readonly #where: ApiKeyAuthOptions;

  constructor(key: string, where: ApiKeyAuthOptions) {
    this.#key = key;
    this.#where = where;
    // a cookie is redacted by default; a query key never reaches a header but is scrubbed via secrets()
    this.redactHeaders = where.in === "header" ? [where.name.toLowerCase()] : [];
  }

  authorize(request: Request): Request {
    const { in: where, name } = this.#where;
    if (where === "query") return withQuery(request, name, this.#key);
    if (where === "header") return withHeader(request, name, this.#key);
    const cookie = request.headers.get("cookie");
    return withHeader(request, "cookie", `${cookie ? `${cookie}; ` : ""}${name}=${encodeURIComponent(this.#key)}`);
  }

  secrets(): string[] {
    return [this.#key, encodeURIComponent(this.#key)];
  }

  [INSPECT](): string {
    return `ApiKeyAuth { in: '${this.#where.in}', name: '${this.#where.name}', key: [redacted] }`;
  }

  toJSON(): object {
    return { scheme: this.scheme, in: this.#where.in, name: this.#where.name };
  }
}
