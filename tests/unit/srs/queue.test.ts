import { describe, expect, it } from "vitest";
import { buildQueue, type BuildQueueInput, forecastDue, type QueueItemState } from "@/lib/srs/queue";

const at = (iso: string) => new Date(iso);

// 13:00 in Los Angeles (PDT) on Sunday 9 March 2025; with rollover 4 the study day
// "2025-03-09" ends at 04:00 PDT on the 10th, 2025-03-10T11:00Z.
const now = at("2025-03-09T20:00:00Z");

const states: QueueItemState[] = [
  { itemId: "card-c", due: at("2025-03-09T19:00:00Z"), state: 2 },
  { itemId: "card-b", due: at("2025-03-05T00:00:00Z"), state: 2 },
  { itemId: "card-a", due: at("2025-03-09T19:00:00Z"), state: 2 },
  { itemId: "card-d", due: now, state: 1 },
  { itemId: "card-e", due: at("2025-03-09T20:10:00Z"), state: 1 },
  { itemId: "card-f", due: at("2025-03-10T10:59:59Z"), state: 2 },
  { itemId: "card-g", due: at("2025-03-10T11:00:00Z"), state: 2 },
  { itemId: "card-h", due: at("2025-03-01T00:00:00Z"), state: 0 },
];

const base: BuildQueueInput = {
  now,
  states,
  newItemIds: ["new-1", "new-2", "new-3", "new-4", "card-h", "card-b", "new-1"],
  reviewedTodayNewCount: 2,
  newPerDay: 5,
  tz: "America/Los_Angeles",
  rolloverHour: 4,
  limit: 100,
};

function queue(input: Partial<BuildQueueInput> = {}) {
  const result = buildQueue({ ...base, ...input });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("building the study queue", () => {
  it("puts due items first, most overdue first and ties by id, then new items up to the day's allowance", () => {
    const q = queue();
    expect(q.items.map((i) => `${i.kind}:${i.itemId}`)).toEqual([
      "due:card-b",
      "due:card-a",
      "due:card-c",
      "due:card-d",
      "new:new-1",
      "new:new-2",
      "new:new-3",
    ]);
    expect(q.items[0]).toEqual({ kind: "due", itemId: "card-b", due: at("2025-03-05T00:00:00Z"), overdueMs: now.getTime() - Date.UTC(2025, 2, 5) });
    expect(q).toMatchObject({ studyDay: "2025-03-09", dueCount: 4, newAllowance: 3, laterToday: 2 });
  });

  it("gives the same queue whatever the order of its inputs", () => {
    expect(queue({ states: [...states].reverse() })).toEqual(queue());
  });

  it("treats a stored state still New as a new item, and ignores new ids that were reviewed", () => {
    const q = queue({ reviewedTodayNewCount: 0, newPerDay: 10 });
    expect(q.items.filter((i) => i.kind === "new").map((i) => i.itemId)).toEqual(["new-1", "new-2", "new-3", "new-4", "card-h"]);
  });

  it("offers no new item once the day's new limit is reached", () => {
    expect(queue({ reviewedTodayNewCount: 5 }).items.every((i) => i.kind === "due")).toBe(true);
    expect(queue({ reviewedTodayNewCount: 9 }).newAllowance).toBe(0);
    expect(queue({ newPerDay: 0, reviewedTodayNewCount: 0 }).newAllowance).toBe(0);
  });

  it("caps the queue at the limit without displacing due items", () => {
    expect(queue({ limit: 3 }).items.map((i) => i.itemId)).toEqual(["card-b", "card-a", "card-c"]);
    expect(queue({ limit: 5 }).items.map((i) => i.itemId)).toEqual(["card-b", "card-a", "card-c", "card-d", "new-1"]);
    expect(queue({ limit: 3 }).dueCount).toBe(4);
    expect(queue({ limit: 0 }).items).toEqual([]);
  });

  it("counts what falls due later in the study day, which ends at the rollover hour", () => {
    // 03:30 PDT: still the study day of 8 March, which ends at 04:00 PDT (11:00Z).
    const early = queue({ now: at("2025-03-09T10:30:00Z") });
    expect(early.studyDay).toBe("2025-03-08");
    expect(early.laterToday).toBe(0);
    expect(early.items.map((i) => i.itemId).slice(0, 1)).toEqual(["card-b"]);
  });

  it("refuses an unknown time zone with a result", () => {
    expect(buildQueue({ ...base, tz: "Moon/Base" })).toMatchObject({ ok: false, reason: "INVALID_TIME_ZONE" });
  });
});

describe("forecasting reviews per study day", () => {
  const forecastStates: QueueItemState[] = [
    { itemId: "overdue", due: at("2025-03-01T00:00:00Z"), state: 2 },
    { itemId: "tonight", due: at("2025-03-10T10:59:59Z"), state: 2 },
    { itemId: "tomorrow", due: at("2025-03-10T11:00:00Z"), state: 2 },
    { itemId: "day-after", due: at("2025-03-12T10:59:59Z"), state: 3 },
    { itemId: "beyond", due: at("2025-03-12T11:00:00Z"), state: 2 },
    { itemId: "never", due: at("2025-03-10T00:00:00Z"), state: 0 },
  ];

  it("counts due items per study day, overdue ones today, new ones never", () => {
    expect(forecastDue(forecastStates, now, 3, "America/Los_Angeles", 4)).toEqual({
      ok: true,
      value: [
        { day: "2025-03-09", count: 2 },
        { day: "2025-03-10", count: 1 },
        { day: "2025-03-11", count: 1 },
      ],
    });
  });

  it("uses the learner's zone: the same instants fall on other days in Auckland", () => {
    // 20:00Z on 9 March is 09:00 on 10 March in Auckland (NZDT, +13).
    const result = forecastDue(forecastStates, now, 2, "Pacific/Auckland", 4);
    expect(result).toEqual({
      ok: true,
      value: [
        { day: "2025-03-10", count: 3 },
        { day: "2025-03-11", count: 0 },
      ],
    });
  });

  it("returns an empty forecast for zero days and refuses a negative horizon", () => {
    expect(forecastDue(forecastStates, now, 0, "UTC", 0)).toEqual({ ok: true, value: [] });
    expect(forecastDue(forecastStates, now, -1, "UTC", 0)).toMatchObject({ ok: false, reason: "INVALID_FORECAST_DAYS" });
    expect(forecastDue(forecastStates, now, 3, "Nowhere/Land", 0)).toMatchObject({ ok: false, reason: "INVALID_TIME_ZONE" });
  });
});
