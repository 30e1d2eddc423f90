// `apiforge <api> webhooks verify|listen` end to end, with deliveries signed here independently
// (node:crypto) the way Parallax (timestamp.body, sha256= prefix) and StrawBlond (hex of the body) sign.
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "./support/spawn-cli.js";

const SECRET = "whsec_cli_SECRET_abcdef0123456789";
const API_KEY = "pk_live_webhooks_SECRET_987";
const env = { PARALLAX_WEBHOOK_SECRET: SECRET, STRAWBLOND_WEBHOOK_SECRET: SECRET, PARALLAX_API_KEY: API_KEY };
const outputs: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "apiforge-webhooks-"));

const hmac = (data: string) => createHmac("sha256", SECRET).update(data).digest("hex");
const parallaxDelivery = (body: string, ts = Math.floor(Date.now() / 1000)) => ({ "X-Parallax-Signature": `sha256=${hmac(`${ts}.${body}`)}`, "X-Parallax-Timestamp": String(ts) });
const headerArgs = (headers: Record<string, string>) => Object.entries(headers).flatMap(([k, v]) => ["--header", `${k}: ${v}`]);
const cli = async (args: string[], stdin?: string) => {
  const result = await runCli(args, { env, ...(stdin !== undefined && { stdin }) });
  outputs.push(result.stdout, result.stderr);
  return result;
};

afterAll(() => {
  for (const text of outputs) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(API_KEY);
  }
});

describe("webhooks verify", () => {
  const body = JSON.stringify({ Topic: "project.created", CorrelationId: "c-1", Payload: { Id: "p1", Name: "Apollo" } });

  it("passes a correctly signed delivery (exit 0) and prints the event", async () => {
    const { code, stdout, stderr } = await cli(["parallax", "webhooks", "verify", "--secret-env", "PARALLAX_WEBHOOK_SECRET", ...headerArgs(parallaxDelivery(body))], body);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(body));
    expect(stderr).toContain("verified: project.created");
  });

  it("fails a tampered delivery with exit 1, naming the header and what to check", async () => {
    const headers = parallaxDelivery(body);
    const { code, stdout, stderr } = await cli(["parallax", "webhooks", "verify", "--secret-env", "PARALLAX_WEBHOOK_SECRET", ...headerArgs(headers)], body.replace("Apollo", "Hermes"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/does not verify: The X-Parallax-Signature header does not match HMAC-SHA256/);
    expect(stderr).toContain("do not reformat the body");
  });

  it("fails a stale delivery, and an unset secret variable is a usage error (exit 2)", async () => {
    const old = await cli(["parallax", "webhooks", "verify", "--secret-env", "PARALLAX_WEBHOOK_SECRET", ...headerArgs(parallaxDelivery(body, Math.floor(Date.now() / 1000) - 3600))], body);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/beyond the 600 s tolerance[\s\S]*--tolerance/);
    const unset = await cli(["parallax", "webhooks", "verify", "--secret-env", "NOT_SET_ANYWHERE"], body);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain("NOT_SET_ANYWHERE");
  });

  it("reads a captured raw HTTP request (StrawBlond: hex HMAC of the body, chunked transfer)", async () => {
    const event = JSON.stringify({ id: "evt_1", event: "invoice.paid", data: { id: "INV-7" } });
    const half = Math.floor(event.length / 2);
    const chunked = `${half.toString(16)}\r\n${event.slice(0, half)}\r\n${(event.length - half).toString(16)}\r\n${event.slice(half)}\r\n0\r\n\r\n`;
    const capture = path.join(dir, "delivery.http");
    writeFileSync(capture, `POST /hooks/blond HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-StrawBlond-Webhook-Signature: ${hmac(event)}\r\n\r\n${chunked}`);
    const ok = await cli(["strawblond", "webhooks", "verify", "--secret-env", "STRAWBLOND_WEBHOOK_SECRET", "--request", capture]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ event: "invoice.paid" });
    // a header flag overrides the captured one
    const bad = await cli(["strawblond", "webhooks", "verify", "--secret-env", "STRAWBLOND_WEBHOOK_SECRET", "--request", capture, "--header", `X-StrawBlond-Webhook-Signature: ${hmac(`${event} `)}`]);
    expect(bad.code).toBe(1);
  });
});

describe("webhooks listen", () => {
  it("verifies signed POSTs, prints each event, answers 401 to a bad one, saves replayable captures, and stops on Ctrl-C", async () => {
    const save = path.join(dir, "saved");
    const run = startCli(["parallax", "webhooks", "listen", "--port", "0", "--secret-env", "PARALLAX_WEBHOOK_SECRET", "--save", save], { env });
    const deadline = Date.now() + 20_000;
    while (!/listening on (http:\S+)/.test(run.stderr()) && Date.now() < deadline && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (http:\S+)/.exec(run.stderr())?.[1];
    expect(url, run.stderr()).toBeTruthy();

    const body = JSON.stringify({ Topic: "time.logged", CorrelationId: "c-9", Payload: { Hours: 6.5 } });
    const good = await fetch(`${url}hooks`, { method: "POST", headers: { "content-type": "application/json", ...parallaxDelivery(body) }, body });
    expect(good.status).toBe(200);
    const tampered = await fetch(`${url}hooks`, { method: "POST", headers: parallaxDelivery(body), body: body.replace("6.5", "65") });
    expect(tampered.status).toBe(401);

    run.child.kill("SIGINT");
    const { code, stdout, stderr } = await run.done;
    outputs.push(stdout, stderr);
    // Ctrl-C is how a receiver ends: the documented 130 (interrupted)
    expect(code).toBe(130);
    // piped stdout: one JSON line per verified event
    const events = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "time.logged", verified: true, payload: JSON.parse(body) });
    expect(stderr).toMatch(/rejected delivery #2 \(\/hooks\): The X-Parallax-Signature header does not match/);
    expect(stderr).toContain("1 verified, 1 rejected");

    // the saved capture of the good delivery verifies again with `verify --request`
    expect(readdirSync(save).sort()).toEqual(["1.http", "2.http"]);
    const replay = await cli(["parallax", "webhooks", "verify", "--secret-env", "PARALLAX_WEBHOOK_SECRET", "--request", path.join(save, "1.http")]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toEqual(JSON.parse(body));
  });
});
