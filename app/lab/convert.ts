// Reading and writing the editor's text as a plain value, in either format: for the JSON ⇄ YAML
// switch, "Copy JSON", and the outline's add/remove (which edit the value and write it back).

import { parseDocument, stringify as toYaml } from "yaml";
import type { LabDraft, LabFormat } from "./share";

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

export function readDraft(draft: LabDraft): ReadResult {
  if (draft.format === "json") {
    try {
      return { ok: true, value: JSON.parse(draft.text) as unknown };
    } catch {
      return { ok: false, message: "the JSON has syntax errors" };
    }
  }
  try {
    const doc = parseDocument(draft.text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) return { ok: false, message: "the YAML has syntax errors" };
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch {
    return { ok: false, message: "the YAML has syntax errors" };
  }
}

export function writeValue(value: unknown, format: LabFormat): string {
  if (format === "json") return `${JSON.stringify(value, null, 2)}\n`;
  return toYaml(value, { lineWidth: 0 });
}

/** The draft in the other format (the text is rewritten, so comments and layout are not kept). */
export function convertDraft(draft: LabDraft, to: LabFormat): { ok: true; draft: LabDraft } | { ok: false; message: string } {
  if (draft.format === to) return { ok: true, draft };
  const read = readDraft(draft);
  if (!read.ok) return read;
  return { ok: true, draft: { text: writeValue(read.value, to), format: to } };
}
