// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createServer } from "node:http";
import { verifyWebhook, WebhookVerificationError } from "@apiforge/strawblond";

// the secret of this endpoint's webhook subscription (not the API key)
const secret = process.env.STRAWBLOND_WEBHOOK_SECRET ?? "";

createServer(async (req, res) => {
  // the raw bytes, exactly as received: never re-serialise the parsed JSON before verifying
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const event = await verifyWebhook({ rawBody: Buffer.concat(chunks), headers: req.headers, secret });
    switch (event.event) {
      case "invoice.created":
        console.log("invoice", event.data.id, event.data.name, event.test ? "(test delivery)" : "");
        break;
      case "expense.approved":
        console.log("expense", event.data.id, "approved");
        break;
    }
    res.writeHead(200).end();
  } catch (err) {
    if (!(err instanceof WebhookVerificationError)) throw err;
    res.writeHead(401).end(err.name);
  }
}).listen(8080);
