"use client";
// The policy lab in the browser: the scenario editor, its problems, the outline of policies,
// and the result, recomputed by lib/iam in the page (no server round trip) 150 ms after the
// learner stops typing. The scenario is kept in the address bar (compressed, see share.ts) so
// a reload or a shared link brings it back.

import { useTheme } from "next-themes";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { lookUpCatalogueAction } from "./actions";
import { analyseDraft, locateInDraft, type LabMessage } from "./analyse";
import { EMPTY_SNAPSHOT, mergeSnapshots, missingNeeds, toCatalogue, type CatalogueSnapshot } from "./catalogue";
import { convertDraft, readDraft, writeValue } from "./convert";
import type { EditorHandle } from "./scenario-editor";
import { addPolicy, canAddPolicy, listPolicies, removePolicy, SLOT_LABELS, type PolicySlot } from "./outline";
import { DECISION_WORDS, ResultPanel } from "./result-panel";
import { RichText } from "./rich-text";
import { buildShareUrl, MAX_SHARE_URL_LENGTH, type LabDraft, type LabFormat } from "./share";
import { LAB_TEMPLATES, templateText } from "./templates";

export type LabSource =
  | { kind: "template"; id: string }
  | { kind: "question"; id: string; variant: string; request: string | undefined; requests: string[] }
  | { kind: "link" };

export interface LabInitial {
  draft: LabDraft;
  source: LabSource;
  notice?: string;
}

const ANALYSE_DELAY_MS = 150;
const URL_DELAY_MS = 350;
const CATALOGUE_DELAY_MS = 300;

const ScenarioEditor = dynamic(() => import("./scenario-editor"), {
  ssr: false,
  loading: () => null,
});

const button =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";

type ShareState = { state: "idle" } | { state: "ok" } | { state: "too-large"; length: number };

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, older browser): fall back to a selected textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function Lab({ initial }: { initial: LabInitial }) {
  const ids = useId();
  const helpId = `${ids}-help`;
  const problemsId = `${ids}-problems`;
  const { resolvedTheme } = useTheme();
  const [dark, setDark] = useState(false);
  useEffect(() => setDark(resolvedTheme === "dark"), [resolvedTheme]);

  const [draft, setDraft] = useState<LabDraft>(initial.draft);
  const [format, setFormat] = useState<LabFormat>(initial.draft.format);
  const [source, setSource] = useState<LabSource>(initial.source);
  const [share, setShare] = useState<ShareState>({ state: "idle" });
  const [status, setStatus] = useState("");
  const [addSlot, setAddSlot] = useState<PolicySlot>("identity");
  const [editorReady, setEditorReady] = useState(false);
  const [picked, setPicked] = useState(initial.source.kind === "template" ? initial.source.id : LAB_TEMPLATES[0]!.id);
  const pickedTemplate = LAB_TEMPLATES.find((t) => t.id === picked) ?? LAB_TEMPLATES[0]!;

  const latest = useRef<LabDraft>(initial.draft);
  const editor = useRef<EditorHandle>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialDraft = useRef(initial.draft);

  const [snapshot, setSnapshot] = useState<CatalogueSnapshot>(EMPTY_SNAPSHOT);
  const [catalogueUnavailable, setCatalogueUnavailable] = useState(false);
  const asked = useRef(new Set<string>());
  const catalogue = useMemo(() => toCatalogue(snapshot), [snapshot]);

  const analysis = useMemo(() => analyseDraft(draft, catalogue ? { catalogue } : {}), [draft, catalogue]);
  const outline = useMemo(() => listPolicies(analysis.value), [analysis.value]);

  // Catalogue warnings ("unknown action, did you mean …"): after the first render, ask the
  // server about names not looked up yet. The decision above never waits for them.
  useEffect(() => {
    if (catalogueUnavailable) return;
    const need = missingNeeds(analysis.value, snapshot, asked.current);
    if (!need) return;
    const t = setTimeout(async () => {
      for (const s of need.services) asked.current.add(`s:${s}`);
      for (const k of need.conditionKeys) asked.current.add(`k:${k.toLowerCase()}`);
      try {
        const r = await lookUpCatalogueAction(need);
        if (r.ok) setSnapshot((prev) => mergeSnapshots(prev, r.snapshot));
        else if (r.reason === "CATALOGUE_UNAVAILABLE") setCatalogueUnavailable(true);
      } catch {
        // Offline or the server is gone: the lab works without catalogue warnings.
        setCatalogueUnavailable(true);
      }
    }, CATALOGUE_DELAY_MS);
    return () => clearTimeout(t);
  }, [analysis.value, snapshot, catalogueUnavailable]);

  const onEditorChange = useCallback((text: string) => {
    if (text === latest.current.text) return;
    latest.current = { text, format: latest.current.format };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setDraft(latest.current), ANALYSE_DELAY_MS);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onEditorHandle = useCallback((h: EditorHandle | null) => {
    editor.current = h;
    if (h) setEditorReady(true);
  }, []);

  /** Puts new text in the editor and analyses it at once (templates, format switch, outline edits). */
  const apply = useCallback((next: LabDraft) => {
    clearTimeout(timer.current);
    latest.current = next;
    setFormat(next.format);
    setDraft(next);
    editor.current?.replaceText(next.text);
  }, []);

  // Keep the scenario in the address bar, so reloading or sharing the link brings it back.
  useEffect(() => {
    if (draft === initialDraft.current) return;
    let cancelled = false;
    const t = setTimeout(async () => {
      const base = `${window.location.origin}${window.location.pathname}`;
      const template = draft.format === "json" ? LAB_TEMPLATES.find((x) => templateText(x) === draft.text) : undefined;
      if (template) {
        window.history.replaceState(null, "", `${base}?template=${encodeURIComponent(template.id)}`);
        setShare({ state: "ok" });
        return;
      }
      const r = await buildShareUrl(base, draft);
      if (cancelled) return;
      if (r.ok) {
        window.history.replaceState(null, "", r.url);
        setShare({ state: "ok" });
      } else setShare({ state: "too-large", length: r.length });
    }, URL_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [draft]);

  const showPath = useCallback((path: string) => {
    const at = locateInDraft(latest.current, path);
    editor.current?.select(at.from, at.to);
  }, []);

  const showMessage = useCallback((m: LabMessage) => {
    // Re-locate against the current text: the message may be a keystroke old.
    if (m.path) showPath(m.path);
    else editor.current?.select(m.from, m.to);
  }, [showPath]);

  const loadTemplate = (id: string) => {
    const t = LAB_TEMPLATES.find((x) => x.id === id);
    if (!t) return;
    apply({ text: templateText(t), format: "json" });
    setSource({ kind: "template", id: t.id });
    setPicked(t.id);
    setStatus(`Loaded the template “${t.title}”.`);
  };

  const switchFormat = (to: LabFormat) => {
    if (to === latest.current.format) return;
    const r = convertDraft(latest.current, to);
    if (!r.ok) {
      setStatus(`Cannot switch to ${to.toUpperCase()}: ${r.message}. Fix them first.`);
      return;
    }
    apply(r.draft);
    setStatus(`The scenario is now shown as ${to.toUpperCase()}.`);
  };

  const copyJson = async () => {
    const r = convertDraft(latest.current, "json");
    const text = r.ok ? r.draft.text : latest.current.text;
    const ok = await copyText(text);
    setStatus(ok ? (r.ok ? "Copied the scenario JSON." : "Copied the scenario text (it has syntax errors, so it is copied as typed).") : "Could not copy: select the text in the editor and copy it by hand.");
  };

  const copyLink = async () => {
    const ok = await copyText(window.location.href);
    setStatus(ok ? "Copied the link to this scenario." : "Could not copy the link: copy it from the address bar.");
  };

  const editOutline = (edit: (value: unknown) => { ok: true; value: unknown; path: string } | { ok: false; message: string }, verb: string) => {
    const read = readDraft(latest.current);
    if (!read.ok) {
      setStatus(`Cannot ${verb}: ${read.message}. Fix them first.`);
      return;
    }
    const r = edit(read.value);
    if (!r.ok) {
      setStatus(`Cannot ${verb}: ${r.message}.`);
      return;
    }
    const next = { text: writeValue(r.value, latest.current.format), format: latest.current.format };
    apply(next);
    return { next, path: r.path };
  };

  const onAdd = () => {
    const done = editOutline((v) => addPolicy(v, addSlot), `add a ${SLOT_LABELS[addSlot].toLowerCase()}`);
    if (!done) return;
    setStatus(`Added a ${SLOT_LABELS[addSlot].toLowerCase()} at ${done.path}.`);
    // Wait for the editor to hold the new text, then put the cursor on the new policy.
    setTimeout(() => showPath(done.path), 0);
  };

  const onRemove = (path: string, label: string) => {
    const done = editOutline((v) => removePolicy(v, path), `remove ${label}`);
    if (done) setStatus(`Removed ${label} (${path}). Undo with Ctrl+Z in the editor.`);
  };

  const errors = analysis.messages.filter((m) => m.severity === "error");
  const warnings = analysis.messages.filter((m) => m.severity === "warning");
  const value = analysis.value;
  const decisionAnnouncement = analysis.result
    ? `Decision: ${DECISION_WORDS[analysis.result.decision]}.`
    : `No decision: ${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the scenario.`;

  return (
    <div>
      {initial.notice ? (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
          <RichText text={initial.notice} />
        </p>
      ) : null}

      <SourceLine source={source} />

      <section aria-labelledby={`${ids}-templates`} className="mb-6 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <h2 id={`${ids}-templates`} className="sr-only">
          Templates
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${ids}-template`} className="text-sm font-medium">
            Start from a template
          </label>
          <select
            id={`${ids}-template`}
            value={pickedTemplate.id}
            onChange={(e) => setPicked(e.target.value)}
            aria-describedby={`${ids}-template-description`}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:flex-none dark:border-slate-600 dark:bg-slate-800"
          >
            {LAB_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <button type="button" className={button} onClick={() => loadTemplate(pickedTemplate.id)}>
            Load template
          </button>
        </div>
        <p id={`${ids}-template-description`} className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="template-description">
          {pickedTemplate.description}
        </p>
      </section>

      <p className="sr-only" aria-live="polite">
        {decisionAnnouncement}
      </p>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby={`${ids}-scenario`} className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`${ids}-scenario`} className="mr-auto text-lg font-semibold">
              Scenario
            </h2>
            <div role="group" aria-label="Editor format" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
              {(["json", "yaml"] as const).map((f) => (
                <button
                  key={f}
                  type="button"
                  aria-pressed={format === f}
                  onClick={() => switchFormat(f)}
                  className="px-3 py-1.5 text-sm font-medium hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
                >
                  {f.toUpperCase()}
                </button>
              ))}
            </div>
            <button type="button" className={button} onClick={copyJson}>
              Copy JSON
            </button>
            <button type="button" className={button} onClick={copyLink}>
              Copy link
            </button>
          </div>
          <p id={helpId} className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Tab leaves the editor; Ctrl+Z undoes, F8 jumps to the next problem.
          </p>
          <p role="status" aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-slate-800 dark:text-slate-100" data-testid="lab-status">
            {status}
          </p>

          <div className="relative mt-2 h-[28rem] overflow-hidden rounded-lg border border-slate-300 lg:h-[38rem] dark:border-slate-600">
            {editorReady ? null : (
              <pre aria-hidden="true" className="absolute inset-0 overflow-auto p-3 font-mono text-sm whitespace-pre-wrap">
                {latest.current.text}
              </pre>
            )}
            <ScenarioEditor
              handleRef={onEditorHandle}
              initialText={latest.current.text}
              format={format}
              dark={dark}
              label={`Scenario editor (${format.toUpperCase()})`}
              describedBy={`${helpId} ${problemsId}`}
              messages={analysis.messages}
              messagesFor={draft.text}
              onChange={onEditorChange}
            />
          </div>

          <p className="mt-2 text-sm lg:hidden">
            {analysis.result ? (
              <>
                Decision: <strong>{DECISION_WORDS[analysis.result.decision]}</strong>
              </>
            ) : (
              <strong>No decision yet</strong>
            )}{" "}
            ·{" "}
            <a href="#lab-result" className="font-medium text-amber-800 underline dark:text-amber-300">
              See the result and its reasons
            </a>
          </p>

          {share.state === "too-large" ? (
            <div role="alert" className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
              <span className="mr-auto">
                This scenario is too large to share by link ({share.length.toLocaleString("en-US")} of {MAX_SHARE_URL_LENGTH.toLocaleString("en-US")} characters); copy the JSON
                instead. The address bar keeps the last version that fitted.
              </span>
              <button type="button" className={button} onClick={copyJson}>
                Copy JSON
              </button>
            </div>
          ) : null}

          <section aria-labelledby={problemsId} className="mt-4">
            <h3 id={problemsId} className="text-base font-semibold">
              {errors.length === 0 && warnings.length === 0
                ? "No problems"
                : `Problems: ${errors.length} ${errors.length === 1 ? "error" : "errors"}, ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}`}
            </h3>
            {analysis.messages.length > 0 ? (
              <ul className="mt-1 space-y-1" data-testid="problems">
                {analysis.messages.map((m, i) => (
                  <li key={`${i}-${m.code}-${m.path}`} className="text-sm">
                    <button
                      type="button"
                      onClick={() => showMessage(m)}
                      className="w-full rounded-md border border-transparent px-2 py-1 text-left hover:border-slate-300 hover:bg-slate-50 dark:hover:border-slate-600 dark:hover:bg-slate-800"
                    >
                      <span className={m.severity === "error" ? "font-semibold text-red-800 dark:text-red-300" : "font-semibold text-amber-900 dark:text-amber-300"}>
                        {m.severity === "error" ? "Error" : "Warning"}
                      </span>{" "}
                      <span className="text-slate-600 dark:text-slate-300">line {m.line}</span>{" "}
                      {m.path ? <code className="font-mono text-xs break-all">{m.path}</code> : null}
                      <span className="block">{m.message}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {catalogueUnavailable ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                Action names and condition keys are not checked against the AWS catalogue right now; the decision is unaffected.
              </p>
            ) : null}
          </section>

          <section aria-labelledby={`${ids}-outline`} className="mt-4">
            <h3 id={`${ids}-outline`} className="text-base font-semibold">
              Outline
            </h3>
            {value === undefined ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">The outline comes back once the text is well-formed {format.toUpperCase()}.</p>
            ) : (
              <>
                <ul className="mt-1 space-y-1 text-sm">
                  <li className="flex items-center gap-2">
                    <span className="mr-auto">Request</span>
                    <button type="button" className={button} onClick={() => showPath("request")} aria-label="Go to the request">
                      Go to
                    </button>
                  </li>
                  {outline.map((p) => (
                    <li key={p.path} className="flex items-center gap-2">
                      <span className="mr-auto">
                        {p.label} <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{p.path}</code>
                        {p.statements !== undefined ? (
                          <span className="text-slate-600 dark:text-slate-300">
                            {" "}
                            · {p.statements} {p.statements === 1 ? "statement" : "statements"}
                          </span>
                        ) : null}
                      </span>
                      <button type="button" className={button} onClick={() => showPath(p.path)} aria-label={`Go to ${p.label}`}>
                        Go to
                      </button>
                      <button type="button" className={button} onClick={() => onRemove(p.path, p.label)} aria-label={`Remove ${p.label}`}>
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="mt-3 flex flex-wrap items-center gap-2">
                  <label htmlFor={`${ids}-add`} className="text-sm font-medium">
                    Add a policy
                  </label>
                  <select
                    id={`${ids}-add`}
                    value={addSlot}
                    onChange={(e) => setAddSlot(e.target.value as PolicySlot)}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
                  >
                    {(Object.keys(SLOT_LABELS) as PolicySlot[]).map((slot) => (
                      <option key={slot} value={slot} disabled={!canAddPolicy(value, slot)}>
                        {slot === "scp" || slot === "rcp" ? `${SLOT_LABELS[slot]} (new level)` : SLOT_LABELS[slot]}
                        {canAddPolicy(value, slot) ? "" : " (already present)"}
                      </option>
                    ))}
                  </select>
                  <button type="button" className={button} onClick={onAdd} disabled={!canAddPolicy(value, addSlot)}>
                    Add
                  </button>
                </div>
              </>
            )}
          </section>
        </section>

        <div className="min-w-0">
          <ResultPanel analysis={analysis} onShow={showPath} />
        </div>
      </div>
    </div>
  );
}

function SourceLine({ source }: { source: LabSource }) {
  if (source.kind !== "question") return null;
  const others = source.requests.filter((r) => r !== source.request);
  const href = (request: string) =>
    `/lab?question=${encodeURIComponent(source.id)}&variant=${encodeURIComponent(source.variant)}&request=${encodeURIComponent(request)}`;
  return (
    <p className="mb-4 text-sm" data-testid="question-source">
      Started from the fixtures of question <code className="font-mono">{source.id}</code> (variant <code className="font-mono">{source.variant}</code>)
      {source.request ? (
        <>
          , request <code className="font-mono">{source.request}</code>
        </>
      ) : null}
      .
      {others.length > 0 ? (
        <>
          {" "}
          Other requests of this question:{" "}
          {others.map((r, i) => (
            <span key={r}>
              {i > 0 ? ", " : ""}
              <a className="font-medium text-amber-800 underline dark:text-amber-300" href={href(r)}>
                {r}
              </a>
            </span>
          ))}
          .
        </>
      ) : null}
    </p>
  );
}
