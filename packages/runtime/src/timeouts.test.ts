import { describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "./errors.js";
import { classifyFailure, disarmWhenRead, type Linked, linkSignal } from "./timeouts.js";

const info = { method: "GET", path: "/x" };

describe("linkSignal", () => {
  it("forwards a caller abort as AbortError with the reason as cause", () => {
    const parent = new AbortController();
    const link = linkSignal(parent.signal, 0, info, "t");
    parent.abort("why");
    expect(link.signal.reason).toBeInstanceOf(AbortError);
    expect((link.signal.reason as Error).cause).toBe("why");
  });

  it("aborts with TimeoutError when its timer fires", async () => {
    const link = linkSignal(undefined, 5, info, "the per-attempt timeout");
    await new Promise((r) => link.signal.addEventListener("abort", r));
    expect(link.signal.reason).toBeInstanceOf(TimeoutError);
    expect((link.signal.reason as Error).message).toBe("GET /x timed out: the per-attempt timeout of 5 ms passed.");
  });

  it("detach stops following the parent, so a shared signal collects no listeners", () => {
    const parent = new AbortController();
    let added = 0;
    let removed = 0;
    const add = parent.signal.addEventListener.bind(parent.signal);
    const remove = parent.signal.removeEventListener.bind(parent.signal);
    parent.signal.addEventListener = ((...a: Parameters<typeof add>) => {
      added++;
      add(...a);
    }) as typeof add;
    parent.signal.removeEventListener = ((...a: Parameters<typeof remove>) => {
      removed++;
      remove(...a);
    }) as typeof remove;
    for (let i = 0; i < 20; i++) linkSignal(parent.signal, 60_000, info, "t").detach();
    expect([added, removed]).toEqual([20, 20]);
    const last = linkSignal(parent.signal, 60_000, info, "t");
    last.detach();
    parent.abort();
    expect(last.signal.aborted).toBe(false);
    last.cancel();
  });
});

describe("classifyFailure", () => {
  it("maps an undici failure to ConnectionError naming the code", () => {
    const err = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    const e = classifyFailure(err, undefined, undefined, info);
    expect(e.name).toBe("ConnectionError");
    expect(e.message).toBe("GET /x could not complete: connection failed (ECONNRESET).");
    expect(e.cause).toBe(err);
  });

  it("prefers the aborted signal's reason over the fetch error", () => {
    const ctrl = new AbortController();
    ctrl.abort(new TimeoutError("t", info));
    expect(classifyFailure(new DOMException("aborted", "AbortError"), ctrl.signal, undefined, info)).toBeInstanceOf(TimeoutError);
  });
});

describe("disarmWhenRead", () => {
  const spyLink = () => {
    const link = { cancels: 0, signal: new AbortController().signal, cancel: () => link.cancels++, detach: () => {} };
    return link as Linked & { cancels: number };
  };

  it("keeps the timers armed until the body is read, then disarms them once", async () => {
    const a = spyLink();
    const b = spyLink();
    const res = new Response('{"ok":true}');
    disarmWhenRead(res, a, b);
    expect([a.cancels, b.cancels]).toEqual([0, 0]);
    await expect(res.json()).resolves.toEqual({ ok: true });
    expect([a.cancels, b.cancels]).toEqual([1, 1]);
  });

  it("disarms even when reading fails, and passes the failure on", async () => {
    const a = spyLink();
    const res = new Response("not json");
    disarmWhenRead(res, a);
    await expect(res.json()).rejects.toBeInstanceOf(SyntaxError);
    expect(a.cancels).toBe(1);
  });

  it("disarms at once when there is no body", () => {
    const a = spyLink();
    disarmWhenRead(new Response(null, { status: 204 }), a);
    expect(a.cancels).toBe(1);
  });

  it("leaves the timers armed for a caller who streams res.body (they still bound a stall)", async () => {
    const a = spyLink();
    const res = new Response("chunk");
    disarmWhenRead(res, a);
    const reader = res.body!.getReader();
    while (!(await reader.read()).done) {}
    expect(a.cancels).toBe(0);
  });
});
