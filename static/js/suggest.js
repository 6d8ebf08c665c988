// "Search before you ask": suggestions as you type, for <input data-suggest-url="/zoeken/suggesties/">.
// Progressive enhancement only: without this file the form works as a normal step.
// Optional: data-suggest-target="id" (where the list goes), data-suggest-heading="text".
(() => {
  const MIN_CHARS = 3;
  const DELAY_MS = 300;

  function render(box, results, heading) {
    box.replaceChildren();
    if (!results.length) return;
    if (heading) {
      const p = document.createElement("p");
      p.className = "suggestions__heading";
      p.textContent = heading;
      box.append(p);
    }
    const list = document.createElement("ul");
    list.className = "suggestions__list";
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      const kind = document.createElement("span");
      kind.className = "suggestions__kind";
      kind.textContent = ` (${result.kind_label})`;
      item.append(link, kind);
      list.append(item);
    }
    box.append(list);
  }

  function enhance(input) {
    let box = input.dataset.suggestTarget && document.getElementById(input.dataset.suggestTarget);
    if (!box) {
      box = document.createElement("div");
      input.insertAdjacentElement("afterend", box);
    }
    box.classList.add("suggestions");
    box.setAttribute("aria-live", "polite");
    let timer;
    let controller;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (controller) controller.abort();
        if (q.length < MIN_CHARS) {
          box.replaceChildren();
          return;
        }
        controller = new AbortController();
        const url = new URL(input.dataset.suggestUrl, window.location.href);
        url.searchParams.set("q", q);
        try {
          const response = await fetch(url, {
            signal: controller.signal, credentials: "same-origin", headers: { Accept: "application/json" },
          });
          if (response.ok) render(box, (await response.json()).results, input.dataset.suggestHeading);
        } catch {
          // Aborted by newer typing, or offline: the form still works without suggestions.
        }
      }, DELAY_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
  });
})();
