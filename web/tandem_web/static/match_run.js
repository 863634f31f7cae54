// A match run's live progress: asks the web app for the run's state every second and
// moves the page's <progress> bar; once the run has ended, reloads the page to show its
// result. Without JavaScript the page refreshes itself (a <noscript> meta refresh).
(function () {
  var section = document.getElementById("run-progress");
  var bar = document.getElementById("run-bar");
  var phase = document.getElementById("run-phase");
  if (!section || !bar || !window.fetch) {
    return;
  }
  var url = section.getAttribute("data-progress-url");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error(String(answer.status));
        }
        return answer.json();
      })
      .then(function (run) {
        if (!run.solving) {
          window.location.reload();
          return;
        }
        bar.value = run.percent;
        bar.textContent = run.percent + "%";
        if (phase.textContent !== run.text) {
          phase.textContent = run.text;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 3000); // the service is slow or down: ask less often
      });
  }
  window.setTimeout(poll, 1000);
})();
