// A static bearer token (personal access token, API key sent as `Authorization: Bearer …`).
import { INSPECT, withHeader } from "./shared.js";
import type { Auth } from "./types.js";

/** Sends `Authorization: Bearer <token>` with every request. */
export class BearerAuth implements Auth {
  readonly scheme = "bearer";
  readonly redactHeaders: readonly string[] = ["authorization"];
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  authorize(request: Request): Request {
    return withHeader(request, "authorization", `Bearer ${this.#token}`);
  }

  secrets(): string[] {
    return [this.#token];
  }

  [INSPECT](): string {
    return "BearerAuth { token: [redacted] }";
  }

  toJSON(): object {
    return { scheme: this.scheme };
  }
}
