// The policy lab (public): a whole scenario in one editor, evaluated live in the browser by the
// same lib/iam the grader uses. This server component only decides what the editor starts
// with: a shared link (`?s=`), a question's fixtures (`?question=&variant=&request=`), a study
// note's worked scenario (`?topic=&scenario=&request=`), a
// template (`?template=`), or the default template.

import type { Metadata } from "next";
import { PageHeader } from "../_components/empty-state";
import { Lab, type LabInitial } from "./lab";
import { seedFromQuestion, seedFromTopic } from "./question-seed";
import { decodeDraft, FORMAT_PARAM, SHARE_PARAM } from "./share";
import { DEFAULT_TEMPLATE_ID, getTemplate, LAB_TEMPLATES, templateText } from "./templates";

export const metadata: Metadata = {
  title: "Policy lab",
  description: "Edit an IAM scenario — request and policies — and watch the AWS decision and its reasons update as you type.",
};

type SearchParams = Record<string, string | string[] | undefined>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

async function initialState(params: SearchParams): Promise<LabInitial> {
  const fallback = getTemplate(DEFAULT_TEMPLATE_ID) ?? LAB_TEMPLATES[0]!;
  const fromTemplate = (id: string, notice?: string): LabInitial => {
    const t = getTemplate(id) ?? fallback;
    return { draft: { text: templateText(t), format: "json" }, source: { kind: "template", id: t.id }, ...(notice ? { notice } : {}) };
  };

  const shared = one(params[SHARE_PARAM]);
  if (shared !== undefined) {
    const decoded = await decodeDraft({ s: shared, fmt: one(params[FORMAT_PARAM]) });
    if (decoded.ok) return { draft: decoded.draft, source: { kind: "link" } };
    return fromTemplate(
      fallback.id,
      decoded.reason === "too-large"
        ? "The scenario in this link is larger than the lab accepts, so the default template is shown instead."
        : "The scenario in this link could not be read (it may have been cut short), so the default template is shown instead.",
    );
  }

  const questionId = one(params.question);
  if (questionId !== undefined) {
    const r = seedFromQuestion(questionId, one(params.variant), one(params.request));
    if (!r.ok) return fromTemplate(fallback.id, `Could not open the question: ${r.message}. Showing the default template instead.`);
    const { seed } = r;
    return {
      draft: { text: `${JSON.stringify(seed.scenario, null, 2)}\n`, format: "json" },
      source: { kind: "question", id: seed.questionId, variant: seed.variant, request: seed.request, requests: seed.requests },
      ...(seed.placeholderRequest ? { notice: "This question has no request of its own, so the lab added a placeholder request: edit it to ask what you want to know." } : {}),
    };
  }

  const topic = one(params.topic);
  if (topic !== undefined) {
    const r = seedFromTopic(topic, one(params.scenario), one(params.request));
    if (!r.ok) return fromTemplate(fallback.id, `Could not open the worked scenario: ${r.message}. Showing the default template instead.`);
    return {
      draft: { text: `${JSON.stringify(r.seed.scenario, null, 2)}\n`, format: "json" },
      source: { kind: "link" },
      notice: `Opened the worked scenario \`${r.seed.variant}\` (request \`${r.seed.request}\`) of the study note \`${topic}\`.`,
    };
  }

  const template = one(params.template);
  if (template !== undefined && !getTemplate(template)) return fromTemplate(fallback.id, `There is no template \`${template}\`; showing the default template.`);
  return fromTemplate(template ?? fallback.id);
}

export default async function LabPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const initial = await initialState(await searchParams);
  return (
    <div>
      <PageHeader title="Policy lab">
        Edit the whole scenario — the request and every policy in its slot — as one JSON (or YAML) document; the decision and its
        reasons update as you type, and the outline below the editor jumps to, adds or removes a policy.
      </PageHeader>
      <Lab initial={initial} />
    </div>
  );
}
