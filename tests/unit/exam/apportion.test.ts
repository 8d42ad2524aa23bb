import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, apportionCapped } from "@/lib/exam/apportion";
import { DVA_C02, SAA_C03 } from "./fixtures";

const weightsOf = (b: typeof DVA_C02) => b.domains.map((d) => d.weight);

describe("largest-remainder apportionment", () => {
  it("gives DVA-C02 21/17/15/12 of 65 questions (quotas 20.8, 16.9, 15.6, 11.7)", () => {
    expect(apportion(65, weightsOf(DVA_C02))).toEqual([21, 17, 15, 12]);
  });

  it("gives SAA-C03 19/17/16/13 of 65 questions (quotas 19.5, 16.9, 15.6, 13)", () => {
    expect(apportion(65, weightsOf(SAA_C03))).toEqual([19, 17, 16, 13]);
  });

  it("splits exact quotas exactly and short forms by remainder", () => {
    expect(apportion(50, weightsOf(DVA_C02))).toEqual([16, 13, 12, 9]);
    expect(apportion(10, weightsOf(DVA_C02))).toEqual([3, 3, 2, 2]);
    expect(apportion(0, weightsOf(DVA_C02))).toEqual([0, 0, 0, 0]);
  });

  it("breaks equal remainders in favour of the earlier domain", () => {
    expect(apportion(1, [1, 1])).toEqual([1, 0]);
    expect(apportion(3, [25, 25, 25, 25])).toEqual([1, 1, 1, 0]);
  });

  it("does not depend on the scale of the weights", () => {
    expect(apportion(65, [0.32, 0.26, 0.24, 0.18])).toEqual(apportion(65, weightsOf(DVA_C02)));
  });

  it("places every seat within one of its exact quota (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const seats = apportion(total, weights);
        const sum = weights.reduce((s, w) => s + w, 0);
        expect(seats.reduce((s, n) => s + n, 0)).toBe(total);
        seats.forEach((n, i) => {
          const quota = (total * (weights[i] ?? 0)) / sum;
          expect(n).toBeGreaterThanOrEqual(Math.floor(quota + 1e-9));
          expect(n).toBeLessThanOrEqual(Math.ceil(quota - 1e-9));
        });
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("apportionment with caps", () => {
  it("moves the seats a domain cannot take to the others, by weight", () => {
    // Domain 4 has 5 questions; its 7 missing seats go 3/2/2 to domains 1–3.
    expect(apportionCapped(65, weightsOf(DVA_C02), [40, 40, 40, 5])).toEqual([24, 19, 17, 5]);
  });

  it("stops when every domain is full", () => {
    expect(apportionCapped(65, weightsOf(DVA_C02), [10, 10, 10, 5])).toEqual([10, 10, 10, 5]);
  });

  it("respects caps and places min(total, room) seats (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 6 }),
        (total, domains) => {
          const seats = apportionCapped(
            total,
            domains.map(([w]) => w),
            domains.map(([, cap]) => cap),
          );
          const room = domains.reduce((s, [, cap]) => s + cap, 0);
          expect(seats.reduce((s, n) => s + n, 0)).toBe(Math.min(total, room));
          seats.forEach((n, i) => expect(n).toBeLessThanOrEqual(domains[i]?.[1] ?? 0));
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
