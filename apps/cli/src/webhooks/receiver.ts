// The HTTP side of `webhooks listen`: reads each POST's raw bytes, verifies them with the API's
// scheme, answers 200 (verified), 401 (signature/timestamp) or 400 (not an event), prints the event
// and optionally saves the raw request for `webhooks verify --request`.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type WebhookMeta, WebhookPayloadError, WebhookVerificationError, verifyWebhook } from "@apiforge/runtime";
import { type CommandContext, UsageError } from "../context.js";
import type { ListenOptions } from "./index.js";

interface ReceiverOptions extends ListenOptions {
  secret: string;
  redact: (text: string) => string;
}

/** The event's name per the meta's eventField, for one-line summaries. */
export function eventName(meta: WebhookMeta, event: unknown): string {
  const name = meta.eventField && event && typeof event === "object" ? (event as Record<string, unknown>)[meta.eventField] : undefined;
  return typeof name === "string" ? name : "event";
}

/** A running receiver. */
export interface Receiver {
  url: string;
  stats: { verified: number; rejected: number };
  close(): Promise<void>;
}

function rawRequest(req: IncomingMessage, body: Buffer): Buffer {
  // node has de-chunked the body: store it with a Content-Length instead
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!/^(transfer-encoding|content-length)$/i.test(name)) lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
  }
  lines.push(`Content-Length: ${body.length}`, "", "");
  return Buffer.concat([Buffer.from(lines.join("\r\n")), body]);
}

/** Starts listening; rejects with a UsageError when the port is taken. */
export async function startReceiver(ctx: CommandContext, meta: WebhookMeta, opts: ReceiverOptions): Promise<Receiver> {
  const stats = { verified: 0, rejected: 0 };
  let received = 0;
  if (opts.save) mkdirSync(opts.save, { recursive: true });
  const server = createServer(async (req, res) => {
    const reply = (status: number, body: object) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST") return reply(405, { error: "webhook deliveries are POSTs" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const n = ++received;
    if (opts.save) writeFileSync(path.join(opts.save, `${n}.http`), rawRequest(req, body));
    const at = new Date().toISOString();
    try {
      const event = await verifyWebhook(meta, { rawBody: body, headers: req.headers, secret: opts.secret, ...(opts.toleranceSeconds !== undefined && { toleranceSeconds: opts.toleranceSeconds }) });
      stats.verified++;
      const name = eventName(meta, event);
      // a terminal gets a heading and indented JSON; a pipe gets one JSON line per event (jq-friendly)
      const text = ctx.isTTY.stdout ? `── ${at}  ${name}  verified\n${JSON.stringify(event, null, 2)}\n` : `${JSON.stringify({ receivedAt: at, event: name, verified: true, payload: event })}\n`;
      ctx.stdout.write(opts.redact(text));
      reply(200, { received: true });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      stats.rejected++;
      ctx.stderr.write(`${opts.redact(`${at} rejected delivery #${n} (${req.url}): ${error.message}`)}\n`);
      reply(error instanceof WebhookPayloadError ? 400 : 401, { error: error.name });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new UsageError(`Port ${opts.port} is in use.`, "Pick another with --port, or --port 0 for any free port.") : error),
    );
    server.listen(opts.port, opts.host ?? "127.0.0.1", resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}/`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
