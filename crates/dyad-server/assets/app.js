// dyad dashboard: table rows open their page; the filter form leaves empty fields
// out of the URL, so shared links stay short.
"use strict";

// Marks the page as scripted (the browser test checks the script ran under the CSP).
document.documentElement.dataset.js = "on";

document.addEventListener("click", (e) => {
  const row = e.target.closest("tr[data-href]");
  if (row && !e.target.closest("a")) {
    window.location.href = row.dataset.href;
  }
});

for (const form of document.querySelectorAll("form.filters")) {
  form.addEventListener("submit", () => {
    for (const el of form.elements) {
      if (el.name && el.value === "") {
        el.disabled = true;
      }
    }
  });
}
