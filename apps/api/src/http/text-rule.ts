/**
 * One rule for every string the API accepts, in bodies, queries and paths: well-formed Unicode
 * (no lone UTF-16 surrogates, which break validators, exports and other clients' JSON) and no C0
 * or C1 control characters (NUL, escape, backspace…), which no name or note needs and which turn
 * up in CSV and terminal injection. Tabs and line breaks are allowed only in fields marked
 * `@MultiLineText()`: notes, descriptions, reasons.
 */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What is wrong with a string under the rule, or undefined when it is fine. */
export function textProblem(value: string, multiLine: boolean): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  if ((multiLine ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(value)) {
    return multiLine ? 'contains control characters (only tabs and line breaks are allowed)' : 'contains control characters (tabs and line breaks included)';
  }
  return undefined;
}

const MULTI_LINE_FIELDS = new WeakMap<object, Set<string>>();

/** Marks a request field as long text, where tabs and line breaks are allowed. */
export function MultiLineText(): PropertyDecorator {
  return (prototype, property) => {
    const own = MULTI_LINE_FIELDS.get(prototype) ?? new Set<string>();
    own.add(String(property));
    MULTI_LINE_FIELDS.set(prototype, own);
  };
}

/** Whether `property` of a request class (or a class it extends) is marked `@MultiLineText()`. */
export function isMultiLineField(type: Function | undefined, property: string): boolean {
  for (let prototype = type?.prototype; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    if (MULTI_LINE_FIELDS.get(prototype)?.has(property)) return true;
  }
  return false;
}
