"use client";
// The settings form. Fields send their raw values to updateSettingsAction, which validates
// them; its messages appear under each field. On a first visit the time zone starts at the
// browser's own zone instead of the UTC default, and the form says so.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Field } from "@/app/_components/field";
import { updateSettingsAction } from "./actions";
import { EXAMS, MAX_NEW_PER_DAY, RETENTION_RANGE, SETTINGS_FIELDS, type SettingsField } from "./options";
import type { SettingsView } from "./types";

type Errors = Partial<Record<SettingsField, string>>;

/** Set once the learner has saved a time zone in this browser; the UTC default is then a choice. */
const ZONE_SAVED_KEY = "iam-exam-lab:time-zone-saved";
const DEFAULT_ZONE = "UTC";

const inputClasses =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-800 dark:aria-[invalid=true]:border-red-400";

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function groupZones(zones: readonly string[]): Array<{ region: string; zones: string[] }> {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()].map(([region, list]) => ({ region, zones: list }));
}

function hourLabel(h: number): string {
  return `${String(h).padStart(2, "0")}:00`;
}

export function SettingsForm({ initial, timeZones }: { initial: SettingsView; timeZones: readonly string[] }) {
  const [saved, setSaved] = useState(initial);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [zones, setZones] = useState(timeZones);
  const [zoneHint, setZoneHint] = useState<string | null>(null);
  const [retention, setRetention] = useState(initial.desiredRetention);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // First visit: the stored zone is still the default and no zone was ever saved here, so
  // start from the browser's zone. It is saved only when the learner saves the form.
  useEffect(() => {
    if (initial.timeZone !== DEFAULT_ZONE || window.localStorage.getItem(ZONE_SAVED_KEY)) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === DEFAULT_ZONE) return;
    setZones((list) => (list.includes(browserZone) ? list : [...list, browserZone].sort()));
    setTimeZone(browserZone);
    setZoneHint(`Set from your browser (${browserZone}). Save to keep it.`);
  }, [initial.timeZone]);

  function clearError(field: SettingsField) {
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      timeZone: String(form.get("timeZone") ?? ""),
      dayRolloverHour: String(form.get("dayRolloverHour") ?? ""),
      desiredRetention: String(form.get("desiredRetention") ?? ""),
      newPerDay: String(form.get("newPerDay") ?? ""),
      examDate: String(form.get("examDate") ?? ""),
      targetExam: String(form.get("targetExam") ?? ""),
      eslAccommodation: form.get("eslAccommodation") === "on",
    };
    setPending(true);
    setStatus(null);
    try {
      const res = await updateSettingsAction(input);
      if (res.ok) {
        setErrors({});
        setSaved(res.settings);
        setTimeZone(res.settings.timeZone);
        setRetention(res.settings.desiredRetention);
        setZoneHint(null);
        window.localStorage.setItem(ZONE_SAVED_KEY, "1");
        setStatus({ ok: true, text: res.message });
      } else {
        setErrors(res.fieldErrors);
        setStatus({ ok: false, text: res.message });
        const first = SETTINGS_FIELDS.find((f) => res.fieldErrors[f]);
        if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      }
    } catch {
      setStatus({ ok: false, text: "Could not reach the server; nothing was saved. Try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700">
        <legend className="px-1 text-base font-semibold">Study day</legend>
        <FieldShell id="timeZone" label="Time zone" hint={zoneHint ?? "Your study day and due times follow this zone."} error={errors.timeZone}>
          <select
            id="timeZone"
            name="timeZone"
            value={timeZone}
            onChange={(e) => {
              setTimeZone(e.target.value);
              setZoneHint(null);
              clearError("timeZone");
            }}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={describedBy("timeZone", "hint", errors.timeZone)}
            className={inputClasses}
          >
            {groupZones(zones).map((g) => (
              <optgroup key={g.region} label={g.region}>
                {g.zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replaceAll("_", " ")}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FieldShell>
        <FieldShell
          id="dayRolloverHour"
          label="New day starts at"
          hint="Reviews after midnight but before this hour still count for the day before."
          error={errors.dayRolloverHour}
        >
          <select
            id="dayRolloverHour"
            name="dayRolloverHour"
            defaultValue={String(saved.dayRolloverHour)}
            key={`rollover-${saved.dayRolloverHour}`}
            onChange={() => clearError("dayRolloverHour")}
            aria-invalid={errors.dayRolloverHour ? true : undefined}
            aria-describedby={describedBy("dayRolloverHour", "hint", errors.dayRolloverHour)}
            className={inputClasses}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </FieldShell>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700">
        <legend className="px-1 text-base font-semibold">Flashcards</legend>
        <FieldShell
          id="desiredRetention"
          label="Desired retention"
          hint="The chance of remembering a card when it comes back. Higher means more reviews; 0.90 suits most learners."
          error={errors.desiredRetention}
        >
          <div className="flex items-center gap-3">
            <input
              id="desiredRetention"
              name="desiredRetention"
              type="range"
              min={RETENTION_RANGE.min}
              max={RETENTION_RANGE.max}
              step={RETENTION_RANGE.step}
              value={retention}
              onChange={(e) => {
                setRetention(Number(e.target.value));
                clearError("desiredRetention");
              }}
              aria-valuetext={`${Math.round(retention * 100)}%`}
              aria-invalid={errors.desiredRetention ? true : undefined}
              aria-describedby={describedBy("desiredRetention", "hint", errors.desiredRetention)}
              className="h-2 flex-1 cursor-pointer accent-amber-500"
            />
            <output htmlFor="desiredRetention" data-testid="retention-value" className="w-14 text-right font-semibold tabular-nums">
              {retention.toFixed(2)}
            </output>
          </div>
        </FieldShell>
        <Field
          id="newPerDay"
          name="newPerDay"
          label="New cards per day"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_NEW_PER_DAY}
          step={1}
          key={`new-${saved.newPerDay}`}
          defaultValue={String(saved.newPerDay)}
          onChange={() => clearError("newPerDay")}
          hint={`From 0 (reviews only) to ${MAX_NEW_PER_DAY}. Each new card brings a few reviews in the following days.`}
          error={errors.newPerDay}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700">
        <legend className="px-1 text-base font-semibold">Exam</legend>
        <FieldShell id="targetExam" label="Target exam" error={errors.targetExam}>
          <select
            id="targetExam"
            name="targetExam"
            defaultValue={saved.targetExam}
            key={`exam-${saved.targetExam}`}
            onChange={() => clearError("targetExam")}
            aria-invalid={errors.targetExam ? true : undefined}
            aria-describedby={describedBy("targetExam", undefined, errors.targetExam)}
            className={inputClasses}
          >
            <option value="">Not decided yet</option>
            {EXAMS.map((e) => (
              <option key={e.code} value={e.code}>
                {e.code} · {e.name}
              </option>
            ))}
          </select>
        </FieldShell>
        <Field
          id="examDate"
          name="examDate"
          label="Exam date"
          type="date"
          key={`date-${saved.examDate}`}
          defaultValue={saved.examDate}
          onChange={() => clearError("examDate")}
          hint="Optional. Leave it empty if you have not booked yet."
          error={errors.examDate}
        />
        <div className="flex flex-col gap-1">
          <div className="flex items-start gap-2">
            <input
              id="eslAccommodation"
              name="eslAccommodation"
              type="checkbox"
              key={`esl-${String(saved.eslAccommodation)}`}
              defaultChecked={saved.eslAccommodation}
              onChange={() => clearError("eslAccommodation")}
              aria-describedby={describedBy("eslAccommodation", "hint", errors.eslAccommodation)}
              className="mt-1 h-4 w-4 accent-amber-500"
            />
            <label htmlFor="eslAccommodation" className="text-sm font-medium">
              ESL +30 minutes
            </label>
          </div>
          <p id="eslAccommodation-hint" className="pl-6 text-xs text-slate-600 dark:text-slate-400">
            For learners whose first language is not English: mock exams get the extra 30 minutes AWS grants (160 minutes
            instead of 130).
          </p>
          {errors.eslAccommodation ? (
            <p id="eslAccommodation-error" className="pl-6 text-sm text-red-700 dark:text-red-400">
              {errors.eslAccommodation}
            </p>
          ) : null}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-amber-500 px-5 py-2 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save settings"}
        </button>
        <p role="status" aria-live="polite" className={`text-sm ${status?.ok === false ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
