// A policy or request fixture as the learner sees it: collapsible, highlighted, and readable
// by a screen reader statement by statement. Renders in server and client components alike.
import type { PolicyFixture, RequestFixture } from "@/lib/content/model";

const ROLE_LABEL: Record<PolicyFixture["role"], string> = {
  identity: "identity-based policy",
  resource: "resource-based policy",
  boundary: "permissions boundary",
  session: "session policy",
  scp: "service control policy (SCP)",
  rcp: "resource control policy (RCP)",
  endpoint: "VPC endpoint policy",
};

export function roleLabel(f: PolicyFixture): string {
  const base = ROLE_LABEL[f.role];
  return f.level !== undefined && (f.role === "scp" || f.role === "rcp") ? `${base}, level ${f.level}` : base;
}

const list = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(", ") : typeof v === "object" && v ? JSON.stringify(v) : String(v));

/** One sentence per statement, for screen readers and for the deciding-statement callout. */
export function statementSummaries(document: unknown): string[] {
  const doc = document as { Statement?: unknown };
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  return statements.map((raw, i) => {
    const s = raw as Record<string, unknown>;
    // Numbered from 0 like the JSON path (Statement[0]) and the evaluator's trace.
    const parts = [`Statement[${i}]${s.Sid ? ` (Sid ${String(s.Sid)})` : ""}: ${String(s.Effect)}`];
    if (s.Principal !== undefined) parts.push(`principal ${list(s.Principal)}`);
    if (s.NotPrincipal !== undefined) parts.push(`every principal except ${list(s.NotPrincipal)}`);
    if (s.Action !== undefined) parts.push(`actions ${list(s.Action)}`);
    if (s.NotAction !== undefined) parts.push(`every action except ${list(s.NotAction)}`);
    if (s.Resource !== undefined) parts.push(`on ${list(s.Resource)}`);
    if (s.NotResource !== undefined) parts.push(`on every resource except ${list(s.NotResource)}`);
    if (s.Condition !== undefined) parts.push(`when ${JSON.stringify(s.Condition)}`);
    return parts.join(", ");
  });
}

export function statementJson(document: unknown, index: number): string | undefined {
  const doc = document as { Statement?: unknown };
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  const s = statements[index];
  return s === undefined ? undefined : JSON.stringify(s, null, 2);
}

export function PolicyView({ fixture, decided, open = true }: { fixture: PolicyFixture; decided?: boolean; open?: boolean }) {
  const summaries = statementSummaries(fixture.document);
  const headingId = `policy-${fixture.name}`;
  return (
    <details
      open={open}
      className={`my-3 rounded-lg border ${decided ? "border-amber-500 ring-2 ring-amber-400/60" : "border-slate-300 dark:border-slate-600"}`}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium" id={headingId}>
        <code className="font-mono">{fixture.name}</code> <span className="text-slate-600 dark:text-slate-300">— {roleLabel(fixture)}</span>
        {decided ? <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs text-amber-950">decided here</span> : null}
      </summary>
      <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-700">
        <ol className="sr-only" aria-label={`${fixture.name}, statement by statement`}>
          {summaries.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <pre tabIndex={0} className="code-block" aria-label={`${fixture.name} as JSON`} dangerouslySetInnerHTML={{ __html: fixture.html }} />
      </div>
    </details>
  );
}

export function RequestView({ fixture }: { fixture: RequestFixture }) {
  return (
    <figure className="my-3 rounded-lg border border-sky-300 bg-sky-50/60 dark:border-sky-700 dark:bg-sky-950/30">
      <figcaption className="border-b border-sky-200 px-3 py-2 text-sm font-medium dark:border-sky-800">
        Request <code className="font-mono">{fixture.name}</code>
        {fixture.must ? <span className="ml-2 text-slate-600 dark:text-slate-300">(must be {fixture.must === "allow" ? "allowed" : "denied"})</span> : null}
      </figcaption>
      <pre tabIndex={0} aria-label={`Request ${fixture.name}`} className="code-block px-3 py-2" dangerouslySetInnerHTML={{ __html: fixture.html }} />
    </figure>
  );
}
