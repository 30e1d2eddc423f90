// The journal as a resume sees it: what was acknowledged, refused and left in flight, and a torn
// last line (a crash mid-write) dropped and cut off so the next append starts clean.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Journal, type JournalHeader } from "./journal.js";

const header: JournalHeader = { t: "import", v: 1, api: "parallax", operationId: "CreateActualTime", file: "/x.csv", sha256: "ab", rows: 5, createdAt: "2026-01-01T00:00:00Z" };
const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), "journal-")), "x.csv.import-state");

describe("Journal", () => {
  it("replays sends, acks and rejects into settled rows and units in flight", async () => {
    const file = fresh();
    const j = Journal.create(file, header);
    await j.send(0, [0], "k0");
    await j.send(1, [1, 2], "k1");
    await j.ack(0, 201);
    await j.send(2, [3], "k2");
    await j.reject(2, 422);
    j.close();
    const { journal, state } = Journal.open(file);
    journal.close();
    expect(state).toMatchObject({ acked: 1, rejected: 1, nextUnit: 3, finished: false, inFlight: [{ unit: 1, rows: [1, 2], key: "k1" }] });
    expect([...state.settled].sort()).toEqual([0, 3]);
  });

  it("drops a torn last line and truncates it before appending", async () => {
    const file = fresh();
    Journal.create(file, header).close();
    appendFileSync(file, '{"t":"send","unit":0,"rows":[0],"key":"k0"}\n{"t":"ack","un');
    const { journal, state } = Journal.open(file);
    expect(state.inFlight).toEqual([{ unit: 0, rows: [0], key: "k0" }]);
    await journal.ack(0, 201);
    await journal.done();
    journal.close();
    const reopened = Journal.open(file);
    reopened.journal.close();
    expect(reopened.state).toMatchObject({ acked: 1, inFlight: [], finished: true });
    expect(readFileSync(file, "utf8")).not.toContain('"un\n');
  });

  it("syncs concurrent appends together and keeps every line whole", async () => {
    const file = fresh();
    const j = Journal.create(file, header);
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.send(i, [i], `k${i}`).then(() => j.ack(i, 201))));
    j.close();
    const { journal, state } = Journal.open(file);
    journal.close();
    expect(state).toMatchObject({ acked: 50, inFlight: [], nextUnit: 50 });
  });

  it("refuses to overwrite a journal and names a file that is not one", () => {
    const file = fresh();
    Journal.create(file, header).close();
    expect(() => Journal.create(file, header)).toThrow(/already exists/);
    writeFileSync(file, "hello\n");
    expect(() => Journal.open(file)).toThrow(/line 1 is not a journal entry/);
  });
});
