"use client";
// The keyboard shortcuts of the review session, in a modal <dialog>: the browser gives it the
// dialog role, keeps focus inside while it is open and closes it on Escape; we put focus on its
// Close button and give focus back to where it was when it closes.
import { useEffect, useRef } from "react";

const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ["Space"], action: "Show the answer" },
  { keys: ["1"], action: "Again: you did not remember" },
  { keys: ["2"], action: "Hard: remembered with serious effort" },
  { keys: ["3"], action: "Good: remembered after a moment" },
  { keys: ["4"], action: "Easy: remembered at once" },
  { keys: ["U"], action: "Undo the last rating" },
  { keys: ["?"], action: "Show these shortcuts" },
  { keys: ["Esc"], action: "Close this dialog" },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleClose() {
    const target = returnTo.current;
    returnTo.current = null;
    if (target && target.isConnected) target.focus();
    onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={handleClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="p-5">
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">They work anywhere on the page except while you type in a field.</p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="contents">
              <dt>
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                  >
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-5 flex justify-end">
          <button
            type="button"
            data-autofocus
            onClick={() => ref.current?.close()}
            className="rounded-md bg-amber-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-amber-400"
          >
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
