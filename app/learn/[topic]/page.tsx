import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { drawVariant, getTopic, listTopics, type Segment } from "@/lib/content";
import { buildScenario } from "@/lib/content/fixtures";
import { listAnswers } from "@/lib/db/practice";
import { PolicyView, RequestView } from "@/app/_components/question/policy-view";
import { getTopicStatuses } from "../data";
import { RunScenario, type RunnableRequest } from "./run-scenario";
import { SelfCheck } from "./self-check";

export async function generateMetadata({ params }: { params: Promise<{ topic: string }> }): Promise<Metadata> {
  const t = getTopic((await params).topic);
  return { title: t?.title ?? "Topic" };
}

export default async function TopicPage({ params }: { params: Promise<{ topic: string }> }) {
  const slug = (await params).topic;
  const topic = getTopic(slug);
  if (!topic) notFound();
  const user = await getCurrentUser();
  const ordered = listTopics().sort((a, b) => a.order - b.order);
  const next = ordered.find((t) => t.order > topic.order);
  const status = user ? (await getTopicStatuses(user.id)).find((s) => s.topic.slug === slug) : undefined;

  // Each worked scenario can be run in place: after its last fixture in the note.
  const lastIndex = new Map<string, number>();
  topic.body.forEach((seg, i) => {
    if (seg.kind === "fixture" && seg.ref.scenario) lastIndex.set(seg.ref.scenario, i);
  });
  const runnable = new Map<string, RunnableRequest[]>(
    topic.scenarios.map((s) => {
      const set = {
        policies: s.policies.map((p) => ({ ...p, detached: false, line: 0, lines: new Map<string, number>(), text: p.text })),
        requests: s.requests.map((r) => ({ name: r.name, fields: r.request, line: 0, lines: new Map<string, number>(), text: r.text })),
      };
      return [
        s.name,
        set.requests.map((r) => {
          const built = buildScenario(set, r, undefined, `${slug}:${s.name}:${r.name}`);
          return { request: r.name, scenario: built.scenario, slots: [...built.slots] };
        }),
      ];
    }),
  );

  const attempts = user ? (await listAnswers(user.id, { questionIds: topic.selfCheck })).filter((a) => a.source === "self-check").length : 0;
  const selfCheck = topic.selfCheck.flatMap((id) => {
    const d = drawVariant(id, `${user?.id ?? "guest"}:self-check:${attempts}`);
    if (!d) return [];
    const { source: _source, ...rest } = d;
    return [rest];
  });

  const renderSegment = (seg: Segment, i: number) => {
    if (seg.kind === "html") return <div key={i} dangerouslySetInnerHTML={{ __html: seg.html }} />;
    const sc = topic.scenarios.find((s) => s.name === seg.ref.scenario);
    const fixture = seg.ref.type === "policy" ? sc?.policies.find((p) => p.name === seg.ref.name) : undefined;
    const request = seg.ref.type === "request" ? sc?.requests.find((r) => r.name === seg.ref.name) : undefined;
    const run = seg.ref.scenario && lastIndex.get(seg.ref.scenario) === i ? runnable.get(seg.ref.scenario) : undefined;
    return (
      <div key={i}>
        {fixture ? <PolicyView fixture={fixture} /> : null}
        {request ? <RequestView fixture={request} /> : null}
        {run ? <RunScenario name={seg.ref.scenario!} requests={run} labHref={`/lab?topic=${encodeURIComponent(slug)}&scenario=${encodeURIComponent(seg.ref.scenario!)}`} /> : null}
      </div>
    );
  };

  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/learn" className="underline">
          Learn
        </Link>{" "}
        / Topic {topic.order}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{topic.title}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {topic.readingMinutes} min read · {topic.exams.join(", ")} · {topic.tasks.join(", ")}
        {status?.progress?.passedAt ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100">Self-check passed</span> : null}
      </p>
      <div className="content-html mt-6">{topic.body.map(renderSegment)}</div>

      <section aria-labelledby="self-check" className="mt-12 border-t border-slate-200 pt-6 dark:border-slate-700">
        <h2 id="self-check" className="text-2xl font-bold">
          Self-check: do you actually know this?
        </h2>
        <p className="mt-1 mb-4 text-slate-600 dark:text-slate-300">
          {selfCheck.length} questions. Score 60% or more to mark the topic as passed.
          {status?.progress ? ` Your best score so far: ${Math.round(status.progress.bestScore * 100)}%.` : ""}
        </p>
        {user ? (
          <SelfCheck questions={selfCheck} />
        ) : (
          <p className="rounded-lg bg-slate-100 px-4 py-3 dark:bg-slate-800">
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/learn/${slug}`)}`} className="font-medium underline">
              Sign in
            </Link>{" "}
            to take the self-check and keep your progress.
          </p>
        )}
      </section>
      {next ? (
        <p className="mt-10 text-right">
          Next topic:{" "}
          <Link href={`/learn/${next.slug}`} className="font-semibold underline">
            {next.title} →
          </Link>
        </p>
      ) : null}
    </article>
  );
}
