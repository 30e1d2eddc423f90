// Object properties: added, removed, required or not, readOnly/writeOnly moving a property out of
// (or into) one direction, deprecation; then each pair compared in its place one level down.
import type { DiffContext } from "./context.js";
import { child, compareSchema, subjectOf, type Place } from "./schema.js";
import { viewAll, type SchemaView } from "./schema-view.js";

export function compareProperties(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place, depth: number): void {
  const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
  const req = place.dir === "request";
  const dir = place.dir;
  for (const name of names) {
    const pb = b.properties.get(name);
    const ph = h.properties.get(name);
    const sub = child(place, name);
    const nb = pb && viewAll(ctx.base, pb);
    const nh = ph && viewAll(ctx.head, ph);
    const rb = b.required.has(name);
    const rh = h.required.has(name);
    // readOnly fields are not sent and writeOnly fields never come back: absent from this role
    const hiddenKey = req ? "readOnly" : "writeOnly";
    const hb = !!nb?.[hiddenKey];
    const hh = !!nh?.[hiddenKey];
    if (pb && ph && (nb!.readOnly !== nh!.readOnly || nb!.writeOnly !== nh!.writeOnly)) {
      for (const [flag, word] of [["readOnly", "read-only"], ["writeOnly", "write-only"]] as const) {
        if (nb![flag] === nh![flag]) continue;
        ctx.emit(`${dir}-${rh ? "required" : "optional"}-property-became-${nh![flag] ? "" : "not-"}${word}`, pb.at, ph.at, `${subjectOf(sub)} became ${nh![flag] ? "" : "not "}${word}`);
      }
    }
    if ((hb && (!ph || hh)) || (!pb && hh)) {
      if (!req && !pb && hh) ctx.emit(`response-${rh ? "required" : "optional"}-write-only-property-added`, null, ph!.at, `${subjectOf(sub)} added (write-only)`);
      else if (!req && !ph && hb) ctx.emit(`response-${rb ? "required" : "optional"}-write-only-property-removed`, pb!.at, null, `${subjectOf(sub)} removed (write-only)`);
      continue;
    }
    if (hb !== hh) continue; // the role changed: reported above, nothing else to compare
    if (pb && !ph) {
      if (req) ctx.emit("request-property-removed", pb.at, null, `${subjectOf(sub)} removed`);
      else ctx.emit(`response-${rb ? "required" : "optional"}-property-removed`, pb.at, null, `${subjectOf(sub)} removed`);
    } else if (!pb && ph) {
      const withDefault = nh!.default ? "-with-default" : "";
      if (!req) ctx.emit(`response-${rh ? "required" : "optional"}-property-added`, null, ph.at, `${subjectOf(sub)} added`);
      else if (rh) ctx.emit(`new-required-request-property${withDefault}`, null, ph.at, `${subjectOf(sub)} added as required${withDefault ? " (with a default)" : ""}`);
      else ctx.emit("new-optional-request-property", null, ph.at, `${subjectOf(sub)} added (optional)`);
    } else if (pb && ph) {
      if (rb !== rh) {
        const withDefault = rh && req && nh!.default ? "-with-default" : "";
        ctx.emit(`${dir}-property-became-${rh ? "required" : "optional"}${withDefault}`, pb.at, ph.at, `${subjectOf(sub)} became ${rh ? "required" : "optional"}`);
      }
      if (nb!.deprecated !== nh!.deprecated) ctx.emit(`${dir}-property-${nh!.deprecated ? "deprecated" : "reactivated"}`, pb.at, ph.at, `${subjectOf(sub)} ${nh!.deprecated ? "deprecated" : "no longer deprecated"}`);
      compareSchema(ctx, pb, ph, sub, depth + 1);
    }
  }
}
