// kazterm: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";

  function announce(text) {
    var live = document.getElementById("live");
    if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 30); }
  }

  // Copy buttons: hidden in the HTML, shown only when copying can work.
  function setUpCopy() {
    var buttons = document.querySelectorAll("button.copy[data-copy]");
    if (!buttons.length || !navigator.clipboard) { return; }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
          announce(button.getAttribute("data-done"));
          button.classList.add("done");
        }, function () { /* permission refused: nothing copied, nothing to say */ });
      });
    });
  }

  // Autocomplete: an ARIA combobox driven by the keyboard (arrows, Enter, Escape).
  function setUpSuggest() {
    var input = document.getElementById("q");
    var list = document.getElementById("suggestions");
    if (!input || !list || !window.fetch) { return; }
    var url = input.getAttribute("data-suggest-url");
    var fromSelect = document.getElementById("from");
    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = null;
    var controller = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var li = items[index];
      if (!li) { return; }
      input.value = li.getAttribute("data-text");
      close();
      if (input.form) { input.form.submit(); }
    }

    function render(suggestions) {
      list.innerHTML = "";
      items = suggestions.slice(0, 10).map(function (s, i) {
        var li = document.createElement("li");
        li.id = "suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-text", s.text);
        var text = document.createElement("span");
        text.textContent = s.text;
        if (s.lang) { text.lang = s.lang; }
        li.appendChild(text);
        if (s.lang) {
          var code = document.createElement("span");
          code.className = "lang-code";
          code.textContent = s.lang;
          li.appendChild(code);
        }
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(li);
        return li;
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (!query) { close(); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var params = new URLSearchParams({ q: query, limit: "8" });
      if (fromSelect && fromSelect.value) { params.set("lang", fromSelect.value); }
      fetch(url + "?" + params.toString(), { signal: controller ? controller.signal : undefined, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (data) {
          if (input.value.trim() !== query) { return; }
          var suggestions = Array.isArray(data) ? data : (data.suggestions || []);
          render(suggestions);
        })
        .catch(function (error) { if (!error || error.name !== "AbortError") { close(); } });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) { lastQuery = null; fetchSuggestions(); return; }
        event.preventDefault();
        highlight(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) { return; }
        event.preventDefault();
        highlight(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  // Term tooltips on the check-text page open on hover and focus by CSS alone; Escape closes the open ones
  // (WCAG 1.4.13) and brings focus from a tooltip's link back to its term. Leaving the term re-arms it.
  function setUpTips() {
    var hits = document.querySelectorAll(".term-hit");
    if (!hits.length) { return; }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll(".term-hit:hover, .term-hit:focus-within").forEach(function (hit) {
        if (hit.classList.contains("tip-dismissed")) { return; }
        hit.classList.add("tip-dismissed");
        if (hit !== document.activeElement && hit.contains(document.activeElement)) { hit.focus(); }
        event.preventDefault();
      });
    });
    hits.forEach(function (hit) {
      hit.addEventListener("focusout", function (event) {
        if (!hit.contains(event.relatedTarget) && !hit.matches(":hover")) { hit.classList.remove("tip-dismissed"); }
      });
      hit.addEventListener("mouseleave", function () {
        if (!hit.contains(document.activeElement)) { hit.classList.remove("tip-dismissed"); }
      });
    });
  }

  function start() { setUpCopy(); setUpSuggest(); setUpTips(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
