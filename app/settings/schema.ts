// The settings form's input, validated at the edge. The form sends the raw field values
// (strings, and a boolean for the checkbox), so every message a learner can see is decided
// here, once, in their words.
import { z } from "zod";
import { checkStudyDaySettings, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "@/lib/srs";
import { EXAMS, MAX_NEW_PER_DAY, RETENTION_RANGE } from "./options";

// The form's slider bounds are restated in options.ts for the browser; fail loudly if they drift.
if (RETENTION_RANGE.min !== MIN_DESIRED_RETENTION || RETENTION_RANGE.max !== MAX_DESIRED_RETENTION) {
  throw new Error("app/settings/options.ts RETENTION_RANGE must match lib/srs MIN_/MAX_DESIRED_RETENTION");
}

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

const retentionMessage = `Choose a desired retention from ${MIN_DESIRED_RETENTION.toFixed(2)} to ${MAX_DESIRED_RETENTION.toFixed(2)}.`;

export const settingsInput = z.strictObject({
  timeZone: z
    .string("Choose a time zone.")
    .trim()
    .min(1, "Choose a time zone.")
    .max(100, "Choose a time zone from the list.")
    .refine((tz) => checkStudyDaySettings(tz, 0).ok, "Choose a time zone from the list."),
  dayRolloverHour: wholeNumber(0, 23, "Choose an hour from 0 to 23."),
  desiredRetention: z
    .string(retentionMessage)
    .trim()
    .regex(/^\d*\.?\d+$/, retentionMessage)
    .transform((v) => Math.round(Number(v) * 100) / 100)
    .pipe(z.number().min(MIN_DESIRED_RETENTION, retentionMessage).max(MAX_DESIRED_RETENTION, retentionMessage)),
  newPerDay: wholeNumber(0, MAX_NEW_PER_DAY, `Enter a whole number of new cards from 0 to ${MAX_NEW_PER_DAY}.`),
  examDate: z
    .string("Enter the exam date as a date, or leave it empty.")
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), "Enter the exam date as a date, or leave it empty.")
    .transform((v) => (v === "" ? null : v)),
  targetExam: z.enum(["", ...EXAMS.map((e) => e.code)], "Choose DVA-C02, SAA-C03 or no exam.").transform((v) => (v === "" ? null : v)),
  eslAccommodation: z.boolean("Tick the box or leave it empty."),
});

export type SettingsInput = z.infer<typeof settingsInput>;

/** "YYYY-MM-DD" naming a real day between 2000 and 2099. */
export function isCalendarDate(value: string): boolean {
  const m = /^(20\d{2})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** An exam date is a calendar day; it is stored as midnight UTC of that day. */
export function examDateToDate(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T00:00:00.000Z`);
}

export function examDateToDay(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
