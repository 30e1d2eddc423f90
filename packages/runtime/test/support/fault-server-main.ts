// Runs a fault server in its own process: `node --import tsx fault-server-main.ts '<window json>'`.
// Prints "listening <url>"; stops on SIGTERM.
import { startFaultServer } from "./fault-server.js";

const server = await startFaultServer({ window: JSON.parse(process.argv[2] ?? "null") ?? undefined });
process.stdout.write(`listening ${server.url}\n`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
