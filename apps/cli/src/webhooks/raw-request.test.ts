import { describe, expect, it } from "vitest";
import { headerFlags, parseRawRequest } from "./raw-request.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("parseRawRequest", () => {
  it.each([
    ["CRLF with Content-Length (extra bytes after it ignored)", 'POST /h HTTP/1.1\r\nX-Sig: abc\r\nContent-Length: 7\r\n\r\n{"a":1}trailing', '{"a":1}'],
    ["bare LF (a capture edited by hand)", 'POST /h HTTP/1.1\nX-Sig: abc\n\n{"a":1}', '{"a":1}'],
    ["a chunked body", 'POST /h HTTP/1.1\r\nX-Sig: abc\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a\r\n4\r\n":1}\r\n0\r\n\r\n', '{"a":1}'],
  ])("reads %s", (_, raw, body) => {
    const request = parseRawRequest(bytes(raw), "capture");
    expect(request).toMatchObject({ method: "POST", target: "/h", headers: { "x-sig": "abc" } });
    expect(text(request.body)).toBe(body);
  });

  it("names what is missing", () => {
    expect(() => parseRawRequest(bytes('{"a":1}'), "body.json")).toThrow(/body.json is not an HTTP request/);
    expect(() => parseRawRequest(bytes("hello there\r\n\r\n"), "x.http")).toThrow(/request line/);
  });
});

describe("headerFlags", () => {
  it("splits at the first colon and refuses a flag without one", () => {
    expect(headerFlags(["X-Time: 12:30", "x-sig:abc"])).toEqual({ "x-time": "12:30", "x-sig": "abc" });
    expect(() => headerFlags(["X-Sig abc"])).toThrow(/is not "Name: value"/);
  });
});
