// Markdown editor, progressive enhancement for <textarea data-markdown> (ospo_nl/core/markdown_editor.py):
// a toolbar that inserts Markdown, a preview rendered by the server's own pipeline (the HTML saving stores),
// and completion of @[Naam] mentions. Without this file every field is a plain textarea that works the same.
(() => {
  const MENTION = /@\[([^\]\n]{1,40})$/;
  const DELAY_MS = 200;
  let counter = 0;

  const ACTIONS = [
    ["bold", "B", (sel) => ({ text: `**${sel || ""}**`, caret: sel ? null : 2 })],
    ["italic", "I", (sel) => ({ text: `*${sel || ""}*`, caret: sel ? null : 1 })],
    ["heading", "H", (sel, labels) => linePrefix(sel, "## ")],
    ["link", "🔗", (sel, labels) => ({ text: `[${sel || labels.linkText}](https://)`, caret: null })],
    ["list", "•", (sel) => linePrefix(sel, "- ")],
    ["quote", "❝", (sel) => linePrefix(sel, "> ")],
    ["code", "</>", (sel) => ({ text: sel.includes("\n") ? "```\n" + sel + "\n```" : "`" + sel + "`",
                                 caret: sel ? null : 1 })],
  ];

  function linePrefix(sel, prefix) {
    const lines = (sel || "").split("\n");
    return { text: lines.map((line) => prefix + line).join("\n"), caret: null };
  }

  function replaceSelection(area, text, caret) {
    const start = area.selectionStart;
    const end = area.selectionEnd;
    area.setRangeText(text, start, end, "end");
    if (caret !== null && caret !== undefined) {
      area.selectionStart = area.selectionEnd = start + caret;
    }
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function button(label, text) {
    const el = document.createElement("button");
    el.type = "button";
    el.className = "utrecht-button utrecht-button--subtle markdown-toolbar__button";
    el.textContent = text;
    el.setAttribute("aria-label", label);
    el.title = label;
    return el;
  }

  function csrfToken(area) {
    const form = area.closest("form");
    const input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  async function renderPreview(area, box, labels) {
    if (!area.value.trim()) {
      box.replaceChildren(Object.assign(document.createElement("p"), { textContent: labels.empty }));
      return;
    }
    const body = new FormData();
    body.append("tekst", area.value);
    body.append("csrfmiddlewaretoken", csrfToken(area));
    try {
      const response = await fetch(area.dataset.previewUrl, {
        method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken(area) },
      });
      if (!response.ok) throw new Error(String(response.status));
      // The server's pipeline sanitized this HTML exactly as it sanitizes what it stores.
      box.innerHTML = await response.text();
    } catch (error) {
      box.replaceChildren(Object.assign(document.createElement("p"), { textContent: labels.previewFailed }));
    }
  }

  function setUpMentions(area, labels) {
    const list = document.createElement("ul");
    list.className = "mention-list";
    list.id = `${area.id || "markdown-" + counter}-namen`;
    list.hidden = true;
    list.setAttribute("aria-label", labels.mentions);
    area.after(list);
    let timer = null;

    function close() {
      list.hidden = true;
      list.replaceChildren();
    }

    function choose(name) {
      const before = area.value.slice(0, area.selectionStart);
      const match = before.match(MENTION);
      if (!match) return close();
      area.setRangeText(`@[${name}] `, area.selectionStart - match[0].length, area.selectionStart, "end");
      close();
      area.focus();
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }

    async function suggest() {
      const match = area.value.slice(0, area.selectionStart).match(MENTION);
      if (!match) return close();
      try {
        const url = `${area.dataset.mentionUrl}?q=${encodeURIComponent(match[1])}`;
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) return close();
        const { names } = await response.json();
        list.replaceChildren();
        for (const name of names) {
          const item = document.createElement("li");
          const option = document.createElement("button");
          option.type = "button";
          option.className = "link-button mention-list__option";
          option.textContent = name;
          option.addEventListener("click", () => choose(name));
          item.append(option);
          list.append(item);
        }
        list.hidden = names.length === 0;
      } catch (error) {
        close();
      }
    }

    area.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY_MS);
    });
    area.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        list.querySelector("button")?.focus();
      } else if (event.key === "Escape") {
        close();
      }
    });
    list.addEventListener("keydown", (event) => {
      const options = [...list.querySelectorAll("button")];
      const index = options.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && index < options.length - 1) options[index + 1].focus();
      else if (event.key === "ArrowUp") (index > 0 ? options[index - 1] : area).focus();
      else if (event.key === "Escape") { close(); area.focus(); }
      else return;
      event.preventDefault();
    });
  }

  function enhance(area) {
    counter += 1;
    const labels = JSON.parse(area.dataset.labels || "{}");
    const toolbar = document.createElement("div");
    toolbar.className = "markdown-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", labels.toolbar);
    if (area.id) toolbar.setAttribute("aria-controls", area.id);
    for (const [name, text, make] of ACTIONS) {
      const el = button(labels[name], text);
      el.dataset.action = name;
      el.addEventListener("click", () => {
        const sel = area.value.slice(area.selectionStart, area.selectionEnd);
        const { text: insert, caret } = make(sel, labels);
        replaceSelection(area, insert, caret);
      });
      toolbar.append(el);
    }
    const previewButton = button(labels.preview, labels.preview);
    previewButton.classList.add("markdown-toolbar__preview");
    previewButton.setAttribute("aria-pressed", "false");
    toolbar.append(previewButton);

    const preview = document.createElement("section");
    preview.className = "markdown-preview";
    preview.hidden = true;
    preview.setAttribute("aria-label", labels.previewHeading);
    const box = document.createElement("div");
    box.className = "markdown-preview__body prose";
    box.setAttribute("aria-live", "polite");
    preview.append(box);

    area.before(toolbar);
    setUpMentions(area, labels);
    area.parentElement.append(preview);

    previewButton.addEventListener("click", async () => {
      const show = previewButton.getAttribute("aria-pressed") !== "true";
      previewButton.setAttribute("aria-pressed", String(show));
      preview.hidden = !show;
      if (show) await renderPreview(area, box, labels);
    });
    area.addEventListener("input", () => {
      if (!preview.hidden) {
        clearTimeout(area._previewTimer);
        area._previewTimer = setTimeout(() => renderPreview(area, box, labels), 500);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("textarea[data-markdown]").forEach(enhance);
  });
})();
