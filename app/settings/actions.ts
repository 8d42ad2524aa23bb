"use server";
// Saving the learner's settings: validate with zod, authorise with requireUser(), then write.
// Problems come back per field, in the learner's words, all at once.
import { requireUser } from "@/lib/auth/session";
import { getSettings, updateSettings } from "@/lib/db/users";
import { studyDayOf } from "@/lib/srs";
import { SETTINGS_FIELDS, type SettingsField } from "./options";
import { examDateToDate, examDateToDay, settingsInput } from "./schema";
import { toSettingsView } from "./view";
import type { UpdateSettingsResult } from "./types";

const INVALID = "Some settings need a fix; nothing was saved.";

export async function updateSettingsAction(input: unknown): Promise<UpdateSettingsResult> {
  const user = await requireUser("/settings");
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<SettingsField, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = SETTINGS_FIELDS.find((f) => f === key);
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    if (Object.keys(fieldErrors).length === 0) fieldErrors.timeZone = "The form was out of date; reload the page and try again.";
    return { ok: false, reason: "INVALID", fieldErrors, message: INVALID };
  }
  const data = parsed.data;
  const now = new Date();

  // A past exam date is a typo, unless it is the one already saved (the exam has been taken).
  if (data.examDate !== null) {
    const today = studyDayOf(now, data.timeZone, 0);
    const saved = examDateToDay((await getSettings(user.id)).examDate);
    if (today.ok && data.examDate < today.value && data.examDate !== saved) {
      return { ok: false, reason: "INVALID", fieldErrors: { examDate: "The exam date is in the past; pick today or a later day." }, message: INVALID };
    }
  }

  const saved = await updateSettings(user.id, {
    timeZone: data.timeZone,
    dayRolloverHour: data.dayRolloverHour,
    desiredRetention: data.desiredRetention,
    newPerDay: data.newPerDay,
    examDate: examDateToDate(data.examDate),
    targetExam: data.targetExam,
    eslAccommodation: data.eslAccommodation,
  });
  return { ok: true, settings: toSettingsView(saved), message: "Settings saved." };
}
