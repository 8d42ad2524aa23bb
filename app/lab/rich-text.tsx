// The evaluator's sentences quote policy text in backticks (`s3:GetObject`); show those parts as code.
import { Fragment } from "react";

export function RichText({ text }: { text: string }) {
  const parts = text.split("`");
  // An odd count of backticks leaves the last part unclosed: show it as plain text.
  const closed = parts.length % 2 === 1;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && (closed || i < parts.length - 1) ? (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] break-all dark:bg-slate-800">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{i % 2 === 1 ? `\`${part}` : part}</Fragment>
        ),
      )}
    </>
  );
}
