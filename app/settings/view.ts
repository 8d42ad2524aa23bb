// The stored settings as the form shows them (plain, serialisable values).
import type { SettingsRecord } from "@/lib/db/users";
import { examDateToDay } from "./schema";
import type { SettingsView } from "./types";

export function toSettingsView(s: SettingsRecord): SettingsView {
  return {
    timeZone: s.timeZone,
    dayRolloverHour: s.dayRolloverHour,
    desiredRetention: s.desiredRetention,
    newPerDay: s.newPerDay,
    examDate: examDateToDay(s.examDate),
    targetExam: s.targetExam ?? "",
    eslAccommodation: s.eslAccommodation,
  };
}

/** Every IANA zone this server knows, plus UTC (which ICU leaves out of the list) and `extra`. */
export function listTimeZones(extra: readonly string[] = []): string[] {
  const zones = new Set<string>(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  for (const z of extra) if (z) zones.add(z);
  return [...zones].sort();
}
