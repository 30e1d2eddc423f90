// apiforge: entry of the `apiforge` bin: signals, the process's streams, the exit code.
import { run } from "./cli.js";
import { EXIT } from "./context.js";

const controller = new AbortController();
let interrupts = 0;
const onSignal = () => {
  // first Ctrl-C: stop cleanly (state saved, temp files removed); second: leave now
  if (++interrupts > 1) process.exit(EXIT.interrupted);
  controller.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
// a closed pipe (`apiforge … | head`) is a normal end, not a crash
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
});
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal }).then(
  (code) => {
    if (!controller.signal.aborted) {
      process.exitCode = code;
      return;
    }
    // interrupted: leave now, whatever timers (a limiter's window wait) are still pending;
    // stdout and stderr are synchronous for files and pipes on Linux, so nothing written is lost
    process.exit(code === EXIT.ok ? EXIT.interrupted : code);
  },
);
