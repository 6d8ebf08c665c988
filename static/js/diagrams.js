// Draws the Mermaid diagrams of a kennisbank article with the vendored script (static/vendor/mermaid/).
// Loaded only on pages with a diagram. Without JavaScript the diagram stays what the Markdown pipeline
// wrote: a code block (pre.mermaid) that can be read as text.
//
// The CSP allows no inline script and no inline style, and Mermaid writes inline styles while it draws: a
// <style> element with the theme, and style attributes. Only while Mermaid draws, three DOM entry points are
// wrapped so nothing inline ever reaches a document (not even a parsed one, which Chromium also reports):
// - a <style> element being inserted becomes a constructed stylesheet (the CSSOM, which the CSP permits);
// - setAttribute("style", …) sets the same declarations through the CSSOM;
// - reading innerHTML (how Mermaid serialises its drawing) renames style attributes to data-diagram-style,
//   which this script applies through the CSSOM once the drawing is in the page.
// So the CSP needs no 'unsafe-inline' for scripts or styles, and the browser reports no violation.
(() => {
  const STYLE_ATTRIBUTE = /(<[^>]*?\s)style="/g;

  function adopt(css) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  function isStyleElement(node) {
    return node instanceof HTMLStyleElement || node instanceof SVGStyleElement;
  }

  async function withoutInlineStyles(draw) {
    const proto = { insertBefore: Node.prototype.insertBefore, appendChild: Node.prototype.appendChild,
                    setAttribute: Element.prototype.setAttribute };
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, "innerHTML");
    Node.prototype.insertBefore = function (node, before) {
      if (!isStyleElement(node)) return proto.insertBefore.call(this, node, before);
      adopt(node.textContent);
      return proto.insertBefore.call(this, document.createComment("style"), before);
    };
    Node.prototype.appendChild = function (node) {
      if (!isStyleElement(node)) return proto.appendChild.call(this, node);
      adopt(node.textContent);
      return proto.appendChild.call(this, document.createComment("style"));
    };
    Element.prototype.setAttribute = function (name, value) {
      if (String(name).toLowerCase() !== "style") return proto.setAttribute.call(this, name, value);
      this.style.cssText = value;
      return undefined;
    };
    Object.defineProperty(Element.prototype, "innerHTML", {
      ...innerHTML,
      get() { return innerHTML.get.call(this).replace(STYLE_ATTRIBUTE, "$1data-diagram-style=\""); },
    });
    try {
      return await draw();
    } finally {
      Node.prototype.insertBefore = proto.insertBefore;
      Node.prototype.appendChild = proto.appendChild;
      Element.prototype.setAttribute = proto.setAttribute;
      Object.defineProperty(Element.prototype, "innerHTML", innerHTML);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const blocks = document.querySelectorAll("pre.mermaid");
    if (!blocks.length || !window.mermaid) return;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", htmlLabels: false,
                                flowchart: { htmlLabels: false } });
    let count = 0;
    for (const pre of blocks) {
      const source = pre.textContent;
      // The labels are translated by the template (data-diagram-* on the article body).
      const labels = pre.closest("[data-diagram-label]")?.dataset || {};
      let svg;
      try {
        ({ svg } = await withoutInlineStyles(() => window.mermaid.render(`diagram-${count++}`, source)));
      } catch (error) {
        continue; // an invalid diagram stays readable as code
      }
      const drawing = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
      if (drawing.nodeName !== "svg") continue;
      const figure = document.createElement("figure");
      figure.className = "diagram";
      const image = document.importNode(drawing, true);
      image.setAttribute("role", "img");
      image.setAttribute("aria-label", labels.diagramLabel || "Diagram");
      [image, ...image.querySelectorAll("[data-diagram-style]")].forEach((element) => {
        if (!element.hasAttribute("data-diagram-style")) return;
        element.style.cssText = element.getAttribute("data-diagram-style");
        element.removeAttribute("data-diagram-style");
      });
      figure.append(image);
      // The code stays available, folded, for screen readers and for copying.
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = labels.diagramSourceLabel || "Diagram (code)";
      details.append(summary);
      pre.replaceWith(figure);
      details.append(pre);
      figure.append(details);
    }
  });
})();
