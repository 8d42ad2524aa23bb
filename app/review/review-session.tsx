"use client";
// The flashcard session: the front of the card, Space (or "Show answer") for the back, then a
// rating from Again to Easy (keys 1–4), each button showing when the card would come back.
// Every rating is saved by a server action as it is made and the server sends back the next
// card, so a reload loses nothing. "u" undoes the last rating, "?" lists the shortcuts.
import Link from "next/link";
import { type Ref, useCallback, useEffect, useRef, useState } from "react";
import { rateCardAction, undoLastRatingAction } from "./actions";
import { ShortcutsDialog } from "./shortcuts-dialog";
import type { CardKind, ReviewSnapshot, SessionCard } from "./types";

type Notice = { tone: "info" | "warning" | "error"; text: string };

const RATING_STYLES: Record<1 | 2 | 3 | 4, string> = {
  1: "border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/50",
  2: "border-orange-300 text-orange-800 hover:bg-orange-50 dark:border-orange-800 dark:text-orange-300 dark:hover:bg-orange-950/50",
  3: "border-green-300 text-green-800 hover:bg-green-50 dark:border-green-800 dark:text-green-300 dark:hover:bg-green-950/50",
  4: "border-sky-300 text-sky-800 hover:bg-sky-50 dark:border-sky-800 dark:text-sky-300 dark:hover:bg-sky-950/50",
};

const KIND_LABELS: Record<CardKind, string> = { new: "New", learning: "Learning", review: "Review", relearning: "Relearning" };

const CONTENT_CLASSES =
  "[&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] dark:[&_code]:bg-slate-800 [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p+p]:mt-3 [&_pre]:mt-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 dark:[&_pre]:bg-slate-800 [&_ul]:list-disc [&_ul]:pl-6";

const FAILED = "Could not reach the server, so nothing changed. Check your connection and try again.";

/** Typing in a field (or a select) must never rate a card. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Space on a focused button or link belongs to that control, not to the session. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("button, a, summary, [role='button']") !== null;
}

export function ReviewSession({ initial }: { initial: ReviewSnapshot }) {
  const [snapshot, setSnapshot] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [done, setDone] = useState(0);
  const [pending, setPending] = useState<"rate" | "undo" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [view, setView] = useState(0);
  const busy = useRef(false);
  const shownAt = useRef(0);
  const frontRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLElement>(null);
  const finishedRef = useRef<HTMLHeadingElement>(null);

  const card = snapshot.current;
  const total = done + snapshot.remaining;
  const position = card ? done + 1 : done;

  // A new card on screen: start timing it and, after an action, put focus on it so the next
  // key press and a screen reader both start from the question.
  useEffect(() => {
    shownAt.current = performance.now();
    if (view === 0) return;
    (frontRef.current ?? finishedRef.current)?.focus();
  }, [view]);

  useEffect(() => {
    if (revealed) answerRef.current?.focus();
  }, [revealed]);

  const show = useCallback((next: ReviewSnapshot) => {
    setSnapshot(next);
    setRevealed(false);
    setView((v) => v + 1);
  }, []);

  const reveal = useCallback(() => {
    if (snapshot.current) setRevealed(true);
  }, [snapshot]);

  const rate = useCallback(
    async (current: SessionCard, rating: 1 | 2 | 3 | 4) => {
      if (busy.current) return;
      busy.current = true;
      setPending("rate");
      setNotice(null);
      const preview = current.previews.find((p) => p.rating === rating);
      try {
        const res = await rateCardAction({
          cardId: current.cardId,
          rating,
          version: current.version,
          durationMs: Math.max(0, performance.now() - shownAt.current),
          topic: snapshot.topic,
        });
        if (res.ok) {
          setDone((d) => d + 1);
          show(res.session);
          setAnnouncement(`Saved: ${preview?.name ?? "rating"}. This card comes back in ${preview?.label ?? "a while"}.`);
        } else if (res.reason === "STALE") {
          show(res.session);
          setNotice({ tone: "warning", text: res.message });
        } else {
          setNotice({ tone: "error", text: `Your rating was not saved: ${res.message}.` });
        }
      } catch {
        setNotice({ tone: "error", text: FAILED });
      } finally {
        busy.current = false;
        setPending(null);
      }
    },
    [show, snapshot.topic],
  );

  const undo = useCallback(async () => {
    if (busy.current || !snapshot.canUndo) return;
    busy.current = true;
    setPending("undo");
    setNotice(null);
    try {
      const res = await undoLastRatingAction({ topic: snapshot.topic });
      if (res.ok) {
        setDone((d) => Math.max(0, d - 1));
        show(res.session);
        setAnnouncement("Undone: the card is back as it was before your last rating.");
      } else if (res.reason === "NOTHING_TO_UNDO") {
        show(res.session);
        setNotice({ tone: "info", text: res.message });
      } else {
        setNotice({ tone: "error", text: res.message });
      }
    } catch {
      setNotice({ tone: "error", text: FAILED });
    } finally {
      busy.current = false;
      setPending(null);
    }
  }, [show, snapshot.canUndo, snapshot.topic]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (shortcutsOpen || isTypingTarget(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (busy.current) return;
      if (e.key === " ") {
        if (isControl(e.target) || !card || revealed) return;
        e.preventDefault();
        reveal();
      } else if (e.key === "1" || e.key === "2" || e.key === "3" || e.key === "4") {
        if (!card || !revealed) return;
        e.preventDefault();
        void rate(card, Number(e.key) as 1 | 2 | 3 | 4);
      } else if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        void undo();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [card, revealed, reveal, rate, undo, shortcutsOpen]);

  return (
    <div className="flex flex-col gap-5">
      <Counts snapshot={snapshot} />
      <Progress position={position} total={total} done={done} finished={!card} />

      {card ? (
        <article
          aria-label="Flashcard"
          aria-busy={pending !== null}
          className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-800/60"
        >
          <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-xs text-slate-600 sm:px-6 dark:border-slate-700 dark:text-slate-300">
            <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-100">
              {KIND_LABELS[card.kind]}
            </span>
            <span>{card.topicTitle}</span>
          </div>
          <section ref={frontRef} tabIndex={-1} aria-labelledby="card-front-title" className="px-4 py-5 focus:outline-none sm:px-6">
            <h2 id="card-front-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              Question
            </h2>
            <div data-testid="card-front" className={`mt-2 text-lg leading-relaxed sm:text-xl ${CONTENT_CLASSES}`} dangerouslySetInnerHTML={{ __html: card.frontHtml }} />
          </section>

          {revealed ? (
            <section
              ref={answerRef}
              tabIndex={-1}
              aria-labelledby="card-back-title"
              className="border-t border-slate-200 px-4 py-5 focus:outline-none sm:px-6 dark:border-slate-700"
            >
              <h2 id="card-back-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                Answer
              </h2>
              <div data-testid="card-back" className={`mt-2 leading-relaxed ${CONTENT_CLASSES}`} dangerouslySetInnerHTML={{ __html: card.backHtml }} />
              {card.docs.length > 0 ? (
                <ul className="mt-4 flex flex-col gap-1 text-sm">
                  {card.docs.map((d) => (
                    <li key={d.url}>
                      <a
                        href={d.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="font-medium text-amber-800 underline hover:text-amber-900 dark:text-amber-300 dark:hover:text-amber-200"
                      >
                        {d.label}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}

          <div className="border-t border-slate-200 px-4 py-4 sm:px-6 dark:border-slate-700">
            {revealed ? (
              <div role="group" aria-label="How well did you remember?" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {card.previews.map((p) => (
                  <button
                    key={p.rating}
                    type="button"
                    disabled={pending !== null}
                    onClick={() => void rate(card, p.rating)}
                    aria-keyshortcuts={String(p.rating)}
                    className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 bg-white px-3 py-2 disabled:opacity-60 dark:bg-slate-900 ${RATING_STYLES[p.rating]}`}
                  >
                    {/* Named by its visible words joined by hidden ones: "Good, next review in 10m". */}
                    <span className="font-semibold">
                      {p.name}
                      <span className="sr-only">, next review in</span>
                    </span>
                    <span className="text-xs tabular-nums">
                      {" "}
                      {p.label}
                      <span aria-hidden="true">
                        {" · "}
                        <kbd className="font-mono">{p.rating}</kbd>
                      </span>
                    </span>
                  </button>
                ))}
              </div>
            ) : (
              <button
                type="button"
                onClick={reveal}
                disabled={pending !== null}
                aria-keyshortcuts="Space"
                className="w-full rounded-lg bg-amber-500 px-4 py-3 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60 sm:w-auto"
              >
                Show answer{" "}
                <kbd aria-hidden="true" className="ml-1 rounded border border-slate-950/30 px-1.5 py-0.5 font-mono text-xs">
                  Space
                </kbd>
              </button>
            )}
          </div>
        </article>
      ) : (
        <Finished snapshot={snapshot} done={done} headingRef={finishedRef} />
      )}

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!snapshot.canUndo || pending !== null}
          aria-keyshortcuts="U"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Undo last rating{" "}
          <kbd aria-hidden="true" className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">
            U
          </kbd>
        </button>
        <button
          type="button"
          onClick={() => setShortcutsOpen(true)}
          aria-haspopup="dialog"
          aria-keyshortcuts="Shift+?"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Keyboard shortcuts{" "}
          <kbd aria-hidden="true" className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">
            ?
          </kbd>
        </button>
        {pending ? (
          <span className="text-sm text-slate-600 dark:text-slate-300">{pending === "rate" ? "Saving…" : "Undoing…"}</span>
        ) : null}
      </div>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      <div role="alert">
        {notice ? (
          <p
            className={`rounded-md px-3 py-2 text-sm ${
              notice.tone === "error"
                ? "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200"
                : notice.tone === "warning"
                  ? "bg-amber-50 text-amber-900 dark:bg-amber-900/30 dark:text-amber-100"
                  : "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100"
            }`}
          >
            {notice.text}
          </p>
        ) : null}
      </div>

      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

function Counts({ snapshot }: { snapshot: ReviewSnapshot }) {
  const { counts } = snapshot;
  const items = [
    { label: "Due", value: counts.due, testId: "count-due" },
    { label: "New", value: counts.new, testId: "count-new" },
    { label: "Done today", value: counts.doneToday, testId: "count-done" },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2 sm:max-w-md">
      {items.map((i) => (
        <div key={i.label} className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-700">
          <dt className="text-xs text-slate-600 dark:text-slate-300">{i.label}</dt>
          <dd data-testid={i.testId} className="text-2xl font-bold tabular-nums">
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Progress({ position, total, done, finished }: { position: number; total: number; done: number; finished: boolean }) {
  if (total === 0) return null;
  const text = finished ? `${done} of ${total} done` : `${position} of ${total}`;
  const percent = Math.round((done / total) * 100);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={finished ? text : `Card ${text}`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full rounded-full bg-amber-500 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span data-testid="session-position" className="text-sm text-slate-600 tabular-nums dark:text-slate-300">
        {text}
      </span>
    </div>
  );
}

function Finished({ snapshot, done, headingRef }: { snapshot: ReviewSnapshot; done: number; headingRef: Ref<HTMLHeadingElement> }) {
  const empty = snapshot.empty;
  if (empty?.reason === "NO_CARDS") {
    return (
      <section aria-labelledby="finished-title" className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
        <h2 id="finished-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          No flashcards in this topic
        </h2>
        <p className="mx-auto mt-2 max-w-prose text-slate-600 dark:text-slate-300">
          There are no flashcards for <code>{snapshot.topic}</code>. Pick another topic, or review all of them.
        </p>
        <Link href="/review" className="mt-4 inline-block rounded-md bg-amber-500 px-4 py-2 font-medium text-slate-950 hover:bg-amber-400">
          Review all topics
        </Link>
      </section>
    );
  }
  const laterToday = snapshot.counts.laterToday;
  return (
    <section aria-labelledby="finished-title" className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
      <h2 id="finished-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {done > 0 ? "Session complete" : "Nothing to review right now"}
      </h2>
      <div className="mx-auto mt-2 flex max-w-prose flex-col gap-2 text-slate-600 dark:text-slate-300">
        {empty?.nextDue ? (
          <p data-testid="next-due">
            Your next card is due {empty.nextDue.relative}: <time dateTime={empty.nextDue.at}>{empty.nextDue.label}</time>.
          </p>
        ) : (
          <p>No more cards are scheduled.</p>
        )}
        {laterToday > 0 ? (
          <p>
            {laterToday === 1 ? "1 card you are learning comes" : `${laterToday} cards you are learning come`} back later today.
          </p>
        ) : null}
        {empty && empty.newHeldBack > 0 ? (
          <p>
            {empty.newPerDay === 0
              ? `New cards are turned off in your settings; ${empty.newHeldBack} are waiting.`
              : `You have started today's ${empty.newPerDay} new ${empty.newPerDay === 1 ? "card" : "cards"}; ${empty.newHeldBack} more wait for the coming days.`}
          </p>
        ) : null}
        <p>Meanwhile, practise exam-style questions.</p>
      </div>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Link href="/practice" className="rounded-md bg-amber-500 px-4 py-2 font-medium text-slate-950 hover:bg-amber-400">
          Practise questions
        </Link>
        <Link
          href="/settings"
          className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Daily limits and settings
        </Link>
      </div>
    </section>
  );
}
