// Draws the Mermaid diagrams of a kennisbank article with the vendored script (static/vendor/mermaid/).
// Loaded only on pages with a diagram. Without JavaScript the diagram stays what the Markdown pipeline
// wrote: a code block (pre.mermaid) that can be read as text.
// The CSP allows no inline style, so the drawing's <style> goes into a constructed stylesheet and its style
// attributes are set through the CSSOM, which the CSP permits.
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
      ({ svg } = await window.mermaid.render(`diagram-${count++}`, source));
    } catch (error) {
      continue; // an invalid diagram stays readable as code
    }
    const drawing = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
    if (drawing.nodeName !== "svg") continue;
    const sheets = [];
    drawing.querySelectorAll("style").forEach((element) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(element.textContent);
      sheets.push(sheet);
      element.remove();
    });
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
    const styles = [];
    [drawing, ...drawing.querySelectorAll("[style]")].forEach((element) => {
      if (!element.hasAttribute("style")) return;
      element.setAttribute("data-diagram-style", String(styles.length));
      styles.push(element.getAttribute("style"));
      element.removeAttribute("style");
    });
    const figure = document.createElement("figure");
    figure.className = "diagram";
    const image = document.importNode(drawing, true);
    image.setAttribute("role", "img");
    image.setAttribute("aria-label", labels.diagramLabel || "Diagram");
    figure.append(image);
    [image, ...image.querySelectorAll("[data-diagram-style]")].forEach((element) => {
      const index = element.getAttribute("data-diagram-style");
      if (index === null) return;
      element.style.cssText = styles[Number(index)];
      element.removeAttribute("data-diagram-style");
    });
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
