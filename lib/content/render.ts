// Markdown → safe HTML, at build time. Raw HTML in content is never passed through:
// remark-rehype drops it (allowDangerousHtml is off) and rehype-sanitize (GitHub's schema)
// removes anything else unsafe, such as `javascript:` links. After sanitizing we only add our
// own markup: highlighted JSON/YAML code and `rel`/`target` on external links.

import { unified, type Plugin } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Root as MdRoot } from "mdast";
import { highlightToHast, languageOf } from "./highlight";
import type { DocLink } from "./model";

const decorate: Plugin<[], HastRoot> = () => (tree) => {
  const visit = (node: HastRoot | HastContent, parent?: Element) => {
    if (node.type === "element") {
      if (node.tagName === "code" && parent?.tagName === "pre") {
        const classes = (node.properties.className as string[] | undefined) ?? [];
        const lang = languageOf(classes.find((c) => c.startsWith("language-"))?.slice("language-".length));
        if (lang) {
          const text = node.children.map((c) => (c.type === "text" ? c.value : "")).join("");
          node.children = highlightToHast(text, lang);
          parent.properties.className = ["code", `code-${lang}`];
          return;
        }
      }
      if (node.tagName === "a" && typeof node.properties.href === "string" && /^https?:\/\//.test(node.properties.href)) {
        node.properties.rel = ["noopener", "noreferrer"];
        node.properties.target = "_blank";
      }
      for (const c of node.children) visit(c, node);
    } else if (node.type === "root") for (const c of node.children) visit(c);
  };
  visit(tree);
};

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(decorate).use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** One line of inline Markdown (an option or a card front), without the wrapping paragraph. */
export function renderInline(markdown: string): string {
  return renderMarkdown(markdown).replace(/^<p>([\s\S]*)<\/p>$/, "$1");
}

const parser = unified().use(remarkParse).use(remarkGfm);

export function markdownToText(markdown: string): string {
  const tree = parser.parse(markdown);
  let text = "";
  const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
    if (typeof n.value === "string") text += n.value;
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(tree);
  return text.replace(/\s+/g, " ").trim();
}

/** Every link in a piece of Markdown, with its text as title (the URL when there is none). */
export function collectLinks(markdown: string): DocLink[] {
  const tree = parser.parse(markdown) as MdRoot;
  const out: DocLink[] = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
    if (n.type === "link" && n.url) {
      const title = textOf(n).replace(/\s+/g, " ").trim();
      out.push({ url: n.url, title: title && title !== n.url ? title : n.url });
      return;
    }
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(tree);
  return out;
}

function textOf(n: { value?: string; children?: unknown[] }): string {
  if (typeof n.value === "string") return n.value;
  return (n.children ?? []).map((c) => textOf(c as typeof n)).join("");
}

export function isAwsDocsUrl(url: string): boolean {
  return /^https:\/\/docs\.aws\.amazon\.com\//.test(url);
}
