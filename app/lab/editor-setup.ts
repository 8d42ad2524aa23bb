// The CodeMirror 6 pieces the lab's editor is made of: view, language, lint, brackets and the
// standard commands (history, the default keymap with select-all and Enter-with-indent).
// Tab is left to the browser so keyboard users can move on from the editor (no indentWithTab).

import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import type { LabFormat } from "./share";

// ---------- look ----------

/** Colours chosen for at least 4.5:1 contrast on the editor's background in each theme. */
const palette = {
  light: { bg: "#ffffff", gutterBg: "#f1f5f9", gutterText: "#475569", text: "#0f172a", activeLine: "#f8fafc", selection: "#bfdbfe", cursor: "#0f172a" },
  dark: { bg: "#0f172a", gutterBg: "#1e293b", gutterText: "#cbd5e1", text: "#e2e8f0", activeLine: "#1e293b", selection: "#1e3a8a", cursor: "#f8fafc" },
};

function editorTheme(dark: boolean): Extension {
  const c = dark ? palette.dark : palette.light;
  return EditorView.theme(
    {
      "&": { color: c.text, backgroundColor: c.bg, height: "100%", fontSize: "0.875rem" },
      "&.cm-focused": { outline: "3px solid #f59e0b", outlineOffset: "-3px" },
      ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.5", overflow: "auto" },
      ".cm-content": { caretColor: c.cursor, paddingBottom: "2rem" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: c.cursor, borderLeftWidth: "2px" },
      "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: c.selection },
      ".cm-gutters": { backgroundColor: c.gutterBg, color: c.gutterText, borderRight: `1px solid ${dark ? "#334155" : "#cbd5e1"}` },
      ".cm-activeLine": { backgroundColor: c.activeLine },
      ".cm-activeLineGutter": { backgroundColor: dark ? "#334155" : "#e2e8f0", color: dark ? "#f8fafc" : "#0f172a" },
      ".cm-foldPlaceholder": { backgroundColor: "transparent", border: `1px solid ${c.gutterText}`, color: c.gutterText },
      ".cm-tooltip": { backgroundColor: dark ? "#1e293b" : "#ffffff", color: c.text, border: `1px solid ${dark ? "#475569" : "#cbd5e1"}` },
      ".cm-diagnostic-error": { borderLeftColor: dark ? "#f87171" : "#b91c1c" },
      ".cm-diagnostic-warning": { borderLeftColor: dark ? "#fbbf24" : "#b45309" },
      ".cm-panels": { backgroundColor: c.gutterBg, color: c.text },
      ".cm-matchingBracket, .cm-nonmatchingBracket": { outline: `1px solid ${c.gutterText}`, backgroundColor: "transparent" },
    },
    { dark },
  );
}

function highlightStyle(dark: boolean): HighlightStyle {
  const k = dark
    ? { key: "#7dd3fc", string: "#86efac", number: "#fcd34d", atom: "#d8b4fe", punct: "#cbd5e1", comment: "#94a3b8" }
    : { key: "#1e40af", string: "#166534", number: "#92400e", atom: "#6b21a8", punct: "#475569", comment: "#475569" };
  return HighlightStyle.define([
    { tag: [t.propertyName, t.definition(t.propertyName), t.attributeName], color: k.key },
    { tag: [t.string, t.special(t.string), t.content], color: k.string },
    { tag: [t.number, t.integer, t.float], color: k.number },
    { tag: [t.bool, t.null, t.atom, t.keyword], color: k.atom },
    { tag: [t.punctuation, t.separator, t.bracket, t.squareBracket, t.brace], color: k.punct },
    { tag: [t.comment, t.lineComment, t.meta], color: k.comment, fontStyle: "italic" },
    { tag: t.invalid, color: dark ? "#fca5a5" : "#b91c1c" },
  ]);
}

export function appearance(dark: boolean): Extension {
  return [editorTheme(dark), syntaxHighlighting(highlightStyle(dark))];
}

export function language(format: LabFormat): Extension {
  return format === "yaml" ? yaml() : json();
}

/** Everything but language, look and the accessible name, which change at run time. */
export function baseExtensions(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    lintGutter(),
    history(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...lintKeymap,
    ]),
    EditorView.lineWrapping,
  ];
}
