// Every rule id some corpus case of this package expects.
import { API_CASES } from "./api-cases.js";
import { expected, RUNS } from "./runs.js";

/** Every rule id some corpus case expects. */
export function coveredIds(): Set<string> {
  const ids = new Set<string>();
  for (const r of RUNS) for (const w of expected(r.c, r.place)) ids.add(w.split(" ")[1]!);
  for (const c of API_CASES) for (const w of c.want) ids.add(w.split(" ")[1]!);
  return ids;
}
