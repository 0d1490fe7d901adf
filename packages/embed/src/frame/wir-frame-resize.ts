/**
 * The optional host script of the iframe embed (dist/embed/wir-frame-resize.js, a classic
 * script). A partner page that may run it adds it once:
 *
 *   <script src="https://…/wir-frame-resize.js" async></script>
 *   <iframe data-wir-frame="f1" src="https://…/frame.html?widget=…&id=f1…" width="100%" height="480" title="…" loading="lazy"></iframe>
 *
 * It sizes each such frame to the height its page reports, so the widget needs no inner
 * scrollbar. Any page may post messages to this window, so a message counts only when all of
 * these hold: it comes from the frame's own window, from the origin of the frame's src, has
 * exactly the three fields { type: 'wir-frame:height', id, height }, its id is the frame's
 * data-wir-frame value, and its height is a number from 0 to 20000. Frames are looked up when a
 * message arrives, so frames added later need nothing. Without this script a frame keeps the
 * height of its height attribute, which is the snippet's sensible default.
 */
const MAX_HEIGHT = 20000;

addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data != 'object' || Object.keys(data).length != 3 || data.type !== 'wir-frame:height') return;
  const { id, height } = data;
  // The comparisons also turn away NaN and Infinity.
  if (typeof id != 'string' || typeof height != 'number' || !(height >= 0 && height <= MAX_HEIGHT)) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-wir-frame]')) {
    if (!event.source || frame.contentWindow !== event.source) continue;
    let origin = 'null';
    try {
      origin = new URL(frame.src).origin;
    } catch {
      // No src, or one no URL parser takes: nothing to compare with.
    }
    // An opaque origin ("null": sandboxed, data:, about:blank) can be anyone.
    if (origin == 'null' || event.origin !== origin || frame.getAttribute('data-wir-frame') !== id) return;
    // The height is the content's; with box-sizing: border-box (common in site CSS) the frame's
    // own border and padding must be added, or a scrollbar appears after all.
    const style = getComputedStyle(frame);
    const px = (property: string) => parseFloat(style.getPropertyValue(property));
    const extra =
      style.boxSizing == 'border-box' ? px('border-top-width') + px('border-bottom-width') + px('padding-top') + px('padding-bottom') : 0;
    // Through the CSSOM, which a strict style-src allows (an inline style attribute it would not),
    // and stronger than the height attribute against site CSS such as iframe { height: auto }.
    frame.style.height = `${Math.ceil(height) + extra}px`;
    return;
  }
});

// A module to TypeScript (its names stay out of the global scope); the build emits no export.
export {};
