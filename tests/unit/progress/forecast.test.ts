import { describe, expect, it } from "vitest";
import { buildForecast } from "@/lib/progress";

describe("the due forecast from fixed states", () => {
  const now = new Date("2025-03-10T12:00:00Z");
  const states = [
    { itemId: "overdue", due: new Date("2025-03-09T08:00:00Z"), state: 2 as const },
    { itemId: "tonight", due: new Date("2025-03-10T20:00:00Z"), state: 2 as const },
    { itemId: "before-rollover", due: new Date("2025-03-11T03:59:00Z"), state: 1 as const },
    { itemId: "tomorrow", due: new Date("2025-03-11T04:00:00Z"), state: 3 as const },
    { itemId: "in-a-week", due: new Date("2025-03-17T09:00:00Z"), state: 2 as const },
    { itemId: "never-reviewed", due: new Date("2025-03-10T00:00:00Z"), state: 0 as const },
    { itemId: "beyond", due: new Date("2025-05-01T00:00:00Z"), state: 2 as const },
  ];

  it("counts reviews per study day, today including the overdue ones, and leaves out new and later items", () => {
    const f = buildForecast(states, now, "UTC", 4, 30);
    expect(f).not.toBeNull();
    expect(f!.days).toHaveLength(30);
    expect(f!.days[0]).toEqual({ day: "2025-03-10", label: "Today", count: 3 });
    expect(f!.days[1]).toEqual({ day: "2025-03-11", label: "11 Mar", count: 1 });
    expect(f!.days[7]).toEqual({ day: "2025-03-17", label: "17 Mar", count: 1 });
    expect(f!.overdue).toBe(1);
    expect(f!.total).toBe(5);
    expect(f!.summary).toBe("5 reviews due in the next 30 days: 3 today (1 overdue); the busiest day is Today with 3.");
  });

  it("follows the learner's zone: in Tokyo the 20:00 UTC item falls on the next study day", () => {
    const f = buildForecast(states, now, "Asia/Tokyo", 4, 30)!;
    // now = 21:00 on 10 March in Tokyo; 20:00 UTC = 05:00 on 11 March; 03:59 UTC on the 11th = 12:59 on the 11th.
    expect(f.days.slice(0, 2).map((d) => d.count)).toEqual([1, 3]);
  });

  it("is empty and says so with no reviewed items, and null with an invalid zone", () => {
    expect(buildForecast([], now, "UTC", 4, 30)!.summary).toBe("Nothing falls due in the next 30 days.");
    expect(buildForecast(states, now, "Nowhere/Land", 4, 30)).toBeNull();
  });
});

describe("the forecast summary", () => {
  it("speaks of one review in the singular and says how many are due today", () => {
    const f = buildForecast([{ itemId: "a", due: new Date("2025-03-12T09:00:00Z"), state: 2 }], new Date("2025-03-10T12:00:00Z"), "UTC", 4, 30)!;
    expect(f.summary).toBe("1 review due in the next 30 days: 0 today; the busiest day is 12 Mar with 1.");
  });
});
