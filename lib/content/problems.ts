// Problems found in content: every stage reports them as data (never throws for bad input),
// each tied to a file and a 1-based line, so the check can list all of them at once as
// `file:line: message`. Message style: lower case, user input in backticks.

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export class ProblemList {
  readonly items: Problem[] = [];

  constructor(readonly file: string) {}

  add(line: number, message: string): void {
    this.items.push({ file: this.file, line: Math.max(1, line), message });
  }

  get size(): number {
    return this.items.length;
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** `a`, `b` and `c` → "`a`, `b`, `c`" */
export function listCode(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(", ");
}
