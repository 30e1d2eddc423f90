// The overhead benchmark's server: answers every request with one small JSON body and keeps no
// state, so it costs the same on the last request as on the first (the fault server logs every
// request, and its growing heap made later arms of a round look slower). Prints "listening <url>".
import http from "node:http";

const body = JSON.stringify({ ok: true });
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
