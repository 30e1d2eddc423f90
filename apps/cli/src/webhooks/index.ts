// `apiforge <api> webhooks verify|listen`: check deliveries against the API's signing scheme
// (meta.webhooks, verified by the runtime's verifyWebhook), from a terminal. The secret comes only
// from an environment variable named by --secret-env (never a flag value: shell history) and is
// scrubbed from everything printed.
import { readFileSync } from "node:fs";
import { WebhookVerificationError, type WebhookMeta, verifyWebhook } from "@apiforge/runtime";
import { CliError, type CommandContext, EXIT, UsageError } from "../context.js";
import { eventName, startReceiver } from "./receiver.js";
import { headerFlags, parseRawRequest } from "./raw-request.js";

/** `webhooks verify`: one delivery, body on stdin (or in the captured request). */
export interface VerifyOptions {
  /** Name of the environment variable holding the endpoint's webhook secret. */
  secretEnv: string;
  /** `--header "Name: value"`, repeatable; added to (and overriding) the captured request's headers. */
  headers?: readonly string[];
  /** A captured raw HTTP request (request line, headers, body); without it the body is read from stdin. */
  request?: string;
  /** Largest accepted age of a signed timestamp, e.g. to check an old capture. @default the API's tolerance */
  toleranceSeconds?: number;
}

/** `webhooks listen`: a local receiver for development. */
export interface ListenOptions {
  secretEnv: string;
  /** Port on 127.0.0.1 (0: any free port, printed on stderr). */
  port: number;
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  toleranceSeconds?: number;
  /** Folder to save every delivery to as `<n>.http`, replayable with `webhooks verify --request`. */
  save?: string;
}

/** The API's signing scheme, or a usage error saying it has none. */
export function webhookMetaOf(ctx: CommandContext): WebhookMeta {
  const meta = ctx.api.meta.webhooks;
  if (!meta) throw new UsageError(`The ${ctx.api.name} spec describes no webhook signing scheme, so its deliveries cannot be verified.`, "APIs with one: see `apiforge apis`; a spec declares it with x-apiforge-webhooks (docs/extensions.md).");
  return meta;
}

/** The secret from `--secret-env`, and a redactor that also hides it. */
export function secretOf(ctx: CommandContext, secretEnv: string | undefined): { secret: string; redact: (text: string) => string } {
  if (!secretEnv) throw new UsageError("webhooks needs --secret-env VAR: the name of the environment variable holding the webhook secret.", "e.g. export PARALLAX_WEBHOOK_SECRET=… then pass --secret-env PARALLAX_WEBHOOK_SECRET.");
  const secret = ctx.env[secretEnv] ?? process.env[secretEnv];
  if (!secret) throw new UsageError(`The environment variable ${secretEnv} (from --secret-env) is not set or empty.`, `Set ${secretEnv} to the endpoint's webhook secret (not the API key).`);
  return { secret, redact: (text) => ctx.redact(text).split(secret).join("[REDACTED]") };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Verifies one delivery: exit 0 and the event on stdout, or exit 1 naming why it does not verify (2: bad usage). */
export async function verifyCommand(ctx: CommandContext, opts: VerifyOptions): Promise<number> {
  const meta = webhookMetaOf(ctx);
  const { secret, redact } = secretOf(ctx, opts.secretEnv);
  let headers: Record<string, string> = {};
  let body: Uint8Array;
  if (opts.request) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(opts.request);
    } catch (error) {
      throw new UsageError(`Cannot read ${opts.request}: ${(error as Error).message}`);
    }
    ({ headers, body } = parseRawRequest(bytes, opts.request));
  } else body = await readAll(ctx.stdin);
  headers = { ...headers, ...headerFlags(opts.headers ?? []) };
  try {
    const event = await verifyWebhook(meta, { rawBody: body, headers, secret, ...(opts.toleranceSeconds !== undefined && { toleranceSeconds: opts.toleranceSeconds }) });
    ctx.stdout.write(`${redact(JSON.stringify(event, null, 2))}\n`);
    ctx.info(`verified: ${eventName(meta, event)} (${meta.signatureHeader} matches)`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    throw new CliError(redact(`The delivery does not verify: ${error.message}`), redact(hintFor(error, meta)), EXIT.api);
  }
}

function hintFor(error: WebhookVerificationError, meta: WebhookMeta): string {
  if (error.name === "WebhookHeaderMissingError") return `Pass the delivery's headers: --header "${meta.signatureHeader}: …"${meta.timestampHeader ? ` --header "${meta.timestampHeader}: …"` : ""}, or --request with the captured request.`;
  if (error.name === "WebhookTimestampTooOldError") return "For an old capture, pass --tolerance <seconds> wide enough to cover its age.";
  if (error.name === "WebhookSignatureError") return "The body, the signature or the secret differs from what was signed: do not reformat the body, and check --secret-env names this endpoint's secret.";
  return "Check the delivery and the secret.";
}

/** Runs a local receiver until Ctrl-C (exit 130); prints each verified event on stdout. */
export async function listenCommand(ctx: CommandContext, opts: ListenOptions): Promise<number> {
  const meta = webhookMetaOf(ctx);
  const { secret, redact } = secretOf(ctx, opts.secretEnv);
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new UsageError(`--port must be a port number (0–65535), got ${opts.port}.`);
  const receiver = await startReceiver(ctx, meta, { ...opts, secret, redact });
  // the URL goes to stderr always (even --quiet): without it the receiver cannot be used
  ctx.stderr.write(`listening on ${receiver.url} for ${ctx.api.name} deliveries (${meta.signatureHeader}); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await receiver.close();
  ctx.info(`stopped: ${receiver.stats.verified} verified, ${receiver.stats.rejected} rejected`);
  // Ctrl-C is the only way it ends: the documented "interrupted"
  return EXIT.interrupted;
}
