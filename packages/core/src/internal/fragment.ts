/**
 * Named parts of the page's URL fragment, `&`-separated: `#intro&wir-explorer=field:bildung`.
 * Widgets keep their state in their own part, so the host page's anchor, a router's path and
 * other widgets' parts stay exactly where they were.
 */
const split = (hash: string): string[] => {
  const body = hash.replace(/^#/, '');
  return body ? body.split('&') : [];
};

const nameOf = (part: string): string => part.split('=', 1)[0];

/** The value of the part `name` in `hash` (with or without `#`); undefined when absent. */
export function readPart(hash: string, name: string): string | undefined {
  const part = split(hash).find((p) => nameOf(p) == name);
  return part?.slice(name.length + 1);
}

/**
 * `hash` with the part `name` set to `value` (removed when empty), every other part kept in
 * place. Returns the fragment with its `#`, or '' when nothing is left.
 */
export function writePart(hash: string, name: string, value: string): string {
  const out: string[] = [];
  let placed = false;
  for (const part of split(hash)) {
    if (nameOf(part) != name) {
      // Empty parts (a stray `&&`) carry nothing.
      if (part) out.push(part);
    } else if (!placed) {
      placed = true;
      if (value) out.push(`${name}=${value}`);
    }
  }
  if (!placed && value) out.push(`${name}=${value}`);
  return out.length ? '#' + out.join('&') : '';
}
