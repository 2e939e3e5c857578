// Request JSON beyond what JSON.parse checks: duplicate keys (JSON.parse silently keeps the last, so a
// proxy or log reading the first would see another request) and runaway nesting depth.

export const MAX_JSON_DEPTH = 32;

const printable = (key: string) => (/^[\w.-]{1,40}$/.test(key) ? ` "${key}"` : '');

/** For text JSON.parse accepted: why it is still refused (a duplicate key, nesting too deep), or undefined. */
export function jsonShapeProblem(text: string, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: (Set<string> | null)[] = []; // a Set of seen keys per open object, null per open array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string; // "\u0061" and "a" are the same key
        if (top.has(key)) return `Duplicate key${printable(key)}`;
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? new Set() : null);
      if (stack.length > maxDepth) return `Nested deeper than ${maxDepth} levels`;
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return undefined;
}
