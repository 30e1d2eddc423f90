// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createServer } from "node:http";
import { verifyWebhook, WebhookVerificationError } from "@apiforge/parallax";

const secret = process.env.PARALLAX_WEBHOOK_SECRET ?? "";

createServer(async (req, res) => {
  // the raw bytes, exactly as received: never re-serialise the parsed JSON before verifying
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const event = await verifyWebhook({ rawBody: Buffer.concat(chunks), headers: req.headers, secret });
    switch (event.Topic) {
      case "project.modified":
        console.log("project", event.Payload.Id, "changed:", event.Payload.ModifiedProperties);
        break;
      case "projectofferingrole.created":
        console.log("role slot", event.Payload.Id, "in offering", event.Payload.ProjectOfferingId);
        break;
    }
    res.writeHead(204).end();
  } catch (err) {
    if (!(err instanceof WebhookVerificationError)) throw err;
    res.writeHead(401).end(err.name);
  }
}).listen(8080);
