"use client";
// The scenario editor: one CodeMirror 6 view over the whole scenario (JSON or YAML), with line
// numbers, a theme that follows dark mode, and the lab's validation messages as lint
// diagnostics. Uncontrolled: it reports each edit, and the lab replaces or selects text
// through the handle (templates, format switch, "show in editor"). Loaded only in the browser.

import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import type { LabMessage } from "./analyse";
import { appearance, baseExtensions, language } from "./editor-setup";
import type { LabFormat } from "./share";

export interface EditorHandle {
  /** Replaces the whole text (an undoable edit). */
  replaceText(text: string): void;
  /** Selects a range, scrolls it into view and focuses the editor. */
  select(from: number, to: number): void;
}

export interface ScenarioEditorProps {
  /** A plain prop, not `ref`: the component is loaded through next/dynamic. */
  handleRef?: Ref<EditorHandle>;
  initialText: string;
  format: LabFormat;
  dark: boolean;
  label: string;
  describedBy?: string;
  /** Messages of the analysis of `messagesFor`; shown only while the text is still that. */
  messages: readonly LabMessage[];
  messagesFor: string;
  onChange(text: string): void;
}

/**
 * The editable element's name and description. `tabindex` is explicit (a contenteditable is
 * focusable anyway) so that accessibility checkers see the scrolling editor can take focus.
 */
function contentAttributes(label: string, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0", ...(describedBy ? { "aria-describedby": describedBy } : {}) });
}

export default function ScenarioEditor({ handleRef, initialText, format, dark, label, describedBy, messages, messagesFor, onChange }: ScenarioEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const compartments = useRef({ language: new Compartment(), look: new Compartment(), attrs: new Compartment() });

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // The view is created once; the props below are applied by reconfiguring it.
  useEffect(() => {
    if (!host.current) return;
    const c = compartments.current;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          baseExtensions(),
          c.language.of(language(format)),
          c.look.of(appearance(dark)),
          c.attrs.of(contentAttributes(label, describedBy)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // Created once per mount; later changes of these props are dispatched by the effects below.
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.language.reconfigure(language(format)) });
  }, [format]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.look.reconfigure(appearance(dark)) });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.attrs.reconfigure(
        contentAttributes(label, describedBy),
      ),
    });
  }, [label, describedBy]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // Messages of an older text would point at the wrong places; the next analysis brings fresh ones.
    if (v.state.doc.toString() !== messagesFor) return;
    const length = v.state.doc.length;
    const diagnostics: Diagnostic[] = messages.map((m) => {
      const from = Math.min(m.from, length);
      return {
        from,
        to: Math.max(from, Math.min(m.to, length)),
        severity: m.severity,
        source: m.code,
        message: m.path ? `${m.path}: ${m.message}` : m.message,
      };
    });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [messages, messagesFor]);

  useImperativeHandle(
    handleRef,
    () => ({
      replaceText(text: string) {
        const v = view.current;
        if (!v) return;
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, selection: EditorSelection.cursor(0), userEvent: "input.replace", scrollIntoView: true });
      },
      select(from: number, to: number) {
        const v = view.current;
        if (!v) return;
        const length = v.state.doc.length;
        const a = Math.min(from, length);
        const b = Math.max(a, Math.min(to, length));
        v.dispatch({ selection: EditorSelection.single(a, b), effects: EditorView.scrollIntoView(a, { y: "center" }) });
        v.focus();
      },
    }),
    [],
  );

  return <div ref={host} className="h-full" data-testid="scenario-editor" />;
}
