// The site's front page: one row per API with its facts and links, in plain HTML (no scripts, no fonts).
import { COVERAGE_LEVELS } from "./coverage.ts";

export interface IndexRow {
  name: string;
  title: string;
  version: string;
  operations: number;
  webhooks: number;
  sha256: string;
  overlays: string[];
  packageName: string;
  coverage: Record<string, number>;
  /** Link to the package's module in the SDK reference. */
  sdkHref: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function coverageText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([label, n]) => `${n} ${esc(COVERAGE_LEVELS[label]?.badge.toLowerCase() ?? label)}`);
  return parts.length ? parts.join(", ") : "vendor-published spec (no coverage labels)";
}

export function renderIndex(rows: IndexRow[], generatedAt: string): string {
  const body = rows
    .map(
      (r) => `      <tr data-api="${esc(r.name)}">
        <td><a href="${esc(r.name)}/">${esc(r.title)}</a><br><code>spec/${esc(r.name)}</code></td>
        <td>${esc(r.version)}</td>
        <td class="n">${r.operations}${r.webhooks ? ` <small>+ ${r.webhooks} webhooks</small>` : ""}</td>
        <td>${coverageText(r.coverage)}</td>
        <td><code title="${esc(r.sha256)}">${esc(r.sha256.slice(0, 12))}…</code>${r.overlays.length ? `<br><small>+ ${r.overlays.length} overlays</small>` : ""}</td>
        <td><a href="${esc(r.name)}/">API reference</a><br><a href="${esc(r.sdkHref)}">SDK reference</a> <small><code>${esc(r.packageName)}</code></small></td>
      </tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>apiforge API reference</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .5rem .75rem; border-bottom: 1px solid #d0d7de; }
  td.n { text-align: right; }
  code { font-size: 85%; }
  small { color: #57606a; }
</style>
</head>
<body>
<h1>apiforge API reference</h1>
<p>One interactive reference per API, rendered from the committed spec with our overlays applied, and the
SDK reference of the packages. Operation badges say how much of each operation the vendor documents.</p>
<table>
  <thead><tr><th>API</th><th>version</th><th>operations</th><th>coverage</th><th>spec sha256</th><th>docs</th></tr></thead>
  <tbody>
${body}
  </tbody>
</table>
<p><a href="sdk/">SDK reference (all packages)</a> · <small>built ${esc(generatedAt)}</small></p>
</body>
</html>
`;
}
