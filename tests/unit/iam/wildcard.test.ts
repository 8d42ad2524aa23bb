// The wildcard matcher (R31, R35, §18 StringLike): table cases, and the pathological
// pattern `a*a*…*b` against a 100,000-character subject, which a backtracking
// matcher cannot finish; here it must simply return the right answer (its speed is
// measured by `npm run bench:iam`).
import { describe, expect, it } from "vitest";
import { matchWildcard } from "@/lib/iam";

const cases: [pattern: string, subject: string, expected: boolean][] = [
  ["*", "", true],
  ["*", "anything/at:all", true],
  ["", "", true],
  ["", "x", false],
  ["abc", "abc", true],
  ["abc", "abcd", false],
  ["a?c", "abc", true],
  ["a?c", "ac", false],
  ["a*c", "ac", true],
  ["a*c", "abbbc", true],
  ["a*c", "abbbd", false],
  ["*b", "aab", true],
  ["b*", "bcd", true],
  ["*b*", "xxbyy", true],
  ["a*b*c", "axxbyyc", true],
  ["a*b*c", "axxcyyb", false],
  ["a*a*a*b", "aaab", true],
  ["a*a*a*b", "aab", false],
  ["b/*/test/*", "b/1/2/test/x.jpg", true],
  ["b/*/test/*", "b//test/", true],
  ["b/*/test/*", "b/test/x.jpg", false],
  ["??", "ab", true],
  ["??", "a", false],
  ["x?", "x\u{1F600}", true],
  ["x??", "x\u{1F600}", false],
  ["*\u{1F600}", "ab\u{1F600}", true],
  ["*?*", "\u{1F600}", true],
];

describe("wildcard matching", () => {
  for (const [pattern, subject, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? "matches" : "does not match"} ${JSON.stringify(subject)}`, () => {
      expect(matchWildcard(pattern, subject)).toBe(expected);
    });
  }

  it("completes the pathological a*a*…*b pattern against 100,000 characters", () => {
    const pattern = `${"a*".repeat(60)}b`;
    const subject = "a".repeat(100_000);
    expect(matchWildcard(pattern, subject)).toBe(false);
    expect(matchWildcard(pattern, `${subject}b`)).toBe(true);
    expect(matchWildcard(`*${"a*".repeat(60)}b*`, subject)).toBe(false);
    expect(matchWildcard(`*${"a?".repeat(60)}b*`, `${subject}b`)).toBe(true);
  });
});
