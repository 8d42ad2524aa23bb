// Bool (R59): compares with `true` or `false`. [AMBIGUOUS] R59: any letter case is
// accepted on both sides; a value not spelling true or false cannot be read (R55).

export interface BoolValue {
  readonly kind: "bool";
  readonly value: boolean;
  /** The policy wrote it in another case than lower case (R59 was needed). */
  readonly mixedCase: boolean;
}

/** true, false, or null when the text is not a boolean. */
export function readBool(text: string): boolean | null {
  const t = text.toLowerCase();
  return t === "true" ? true : t === "false" ? false : null;
}

export function compileBoolValue(text: string): BoolValue | null {
  const value = readBool(text);
  if (value === null) return null;
  return { kind: "bool", value, mixedCase: text !== "true" && text !== "false" };
}
