// What the settings form shows and what saving it returns. Types only, for the client.
import type { SettingsField } from "./options";

export interface SettingsView {
  timeZone: string;
  dayRolloverHour: number;
  desiredRetention: number;
  newPerDay: number;
  /** "YYYY-MM-DD", or "" when not set. */
  examDate: string;
  targetExam: string;
  eslAccommodation: boolean;
}

export type UpdateSettingsResult =
  | { ok: true; settings: SettingsView; message: string }
  | { ok: false; reason: "INVALID"; fieldErrors: Partial<Record<SettingsField, string>>; message: string };
