// Choices the settings form offers, shared by the form (browser) and its validation (server).
// Plain constants, so the form does not pull zod or the scheduler into the browser bundle.

export const EXAMS = [
  { code: "DVA-C02", name: "AWS Certified Developer – Associate" },
  { code: "SAA-C03", name: "AWS Certified Solutions Architect – Associate" },
] as const;

export const MAX_NEW_PER_DAY = 500;

/** Same bounds as lib/srs (MIN_/MAX_DESIRED_RETENTION); the schema checks they agree. */
export const RETENTION_RANGE = { min: 0.8, max: 0.97, step: 0.01 } as const;

export const SETTINGS_FIELDS = ["timeZone", "dayRolloverHour", "desiredRetention", "newPerDay", "examDate", "targetExam", "eslAccommodation"] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
