import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/progress";

describe("CSV for exports", () => {
  it("quotes fields with commas, quotes or line breaks and doubles the quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
  });

  it("writes numbers, booleans, dates in UTC and empty fields for missing values", () => {
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField(new Date("2025-03-10T12:00:00+02:00"))).toBe("2025-03-10T10:00:00.000Z");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("@sum")).toBe("'@sum");
  });

  it("ends every line with CRLF, header first", () => {
    expect(
      toCsv(
        ["id", "note"],
        [
          ["a", "x, y"],
          ["b", null],
        ],
      ),
    ).toBe('id,note\r\na,"x, y"\r\nb,\r\n');
  });
});
