/**
 * XML text escaping for the exports. Member names and notes are free text, so every character that
 * XML 1.0 gives a meaning (& < > " ') is escaped, and characters XML 1.0 cannot carry at all (most C0
 * controls, lone surrogates, U+FFFE and U+FFFF) are dropped rather than producing a file no parser reads.
 */

// Allowed in XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for use in element content or a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** ` name="value"` for each defined attribute, escaped, in the order given. */
export function attributes(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out += ` ${name}="${escapeXml(String(value))}"`;
  return out;
}
