import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/db/users";
import { PageHeader } from "../_components/empty-state";
import { SettingsForm } from "./settings-form";
import { listTimeZones, toSettingsView } from "./view";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const settings = toSettingsView(await getSettings(user.id));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Settings">Your study day, review pace and exam.</PageHeader>
      <SettingsForm initial={settings} timeZones={listTimeZones([settings.timeZone])} />
    </div>
  );
}
