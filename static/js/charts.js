/* Draws every chart on the page from its JSON (written by Django's json_script):
   <div data-chart="ID"> reads <script type="application/json" id="ID">.
   The table beside each chart holds the same numbers for screen readers and for
   browsers without JavaScript. No inline script anywhere: this file is the only code. */
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw() {
    if (!window.Plotly) { return; }
    var locale = readJSON("chart-locale");
    if (locale && locale.format) {
      window.Plotly.register({ moduleType: "locale", name: locale.name, dictionary: locale.dictionary, format: locale.format });
    }
    var charts = document.querySelectorAll("[data-chart]");
    Array.prototype.forEach.call(charts, function (element) {
      var figure = readJSON(element.getAttribute("data-chart"));
      if (!figure) { return; }
      var config = {
        responsive: true,
        displaylogo: false,
        locale: locale ? locale.name : "en",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
        toImageButtonOptions: { format: "png", filename: element.getAttribute("data-filename") || "chart", scale: 2 }
      };
      element.classList.remove("ux-chart-pending");  // visible first: plotly measures it
      var axis = figure.layout.xaxis;
      if (axis && axis.dtick === 1 && element.clientWidth < 480) {
        axis.dtick = 2;  // every other year on a phone, so the labels do not collide
      }
      window.Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
        element.setAttribute("data-drawn", "true");
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
