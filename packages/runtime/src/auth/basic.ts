// HTTP Basic (RFC 7617): `Authorization: Basic base64(user ":" password)`, UTF-8 as RFC 7617 §2.1
// allows and every current server expects.
import { base64Utf8, INSPECT, withHeader } from "./shared.js";
import type { Auth } from "./types.js";

/** Sends `Authorization: Basic …` with every request. */
export class BasicAuth implements Auth {
  readonly scheme = "basic";
  readonly redactHeaders: readonly string[] = ["authorization"];
  readonly #header: string;
  readonly #secrets: string[];

  constructor(username: string, password: string) {
    if (username.includes(":")) {
      // RFC 7617 §2: the user-id cannot contain a colon, the server would split it wrongly
      throw new TypeError("HTTP Basic: the username must not contain ':' (RFC 7617 §2). Check the credential you passed.");
    }
    this.#header = `Basic ${base64Utf8(`${username}:${password}`)}`;
    this.#secrets = [this.#header, this.#header.slice(6), password, username].filter((s) => s !== "");
  }

  authorize(request: Request): Request {
    return withHeader(request, "authorization", this.#header);
  }

  secrets(): string[] {
    return [...this.#secrets];
  }

  [INSPECT](): string {
    return "BasicAuth { credentials: [redacted] }";
  }

  toJSON(): object {
    return { scheme: this.scheme };
  }
}
