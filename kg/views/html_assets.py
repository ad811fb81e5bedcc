"""The style sheet and the script of the HTML view (kept apart from the Python that fills it).

The script reads the page's data from the JSON block ``#pk-data`` and builds
every visible string with ``textContent`` or as vis-network canvas labels; it
never assigns data to ``innerHTML``. It exposes ``window.parkkg`` (the vis
DataSets, the network and the search and filter functions) so that tests and
notebooks can drive the page.
"""

PAGE_CSS = """
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; color: #222;
  font: 14px/1.4 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; }
#pk-header { flex: none; padding: 8px 14px 6px; border-bottom: 1px solid #ddd; background: #fafafa; }
#pk-title { font-size: 17px; margin: 0 0 6px; font-weight: 600; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
#pk-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; }
#pk-controls input[type=search] { width: 14em; padding: 3px 6px; font: inherit; }
#pk-controls select { max-width: 16em; font: inherit; }
#pk-controls button { font: inherit; padding: 2px 10px; cursor: pointer; }
#pk-search-form { display: flex; gap: 4px; margin: 0; }
.pk-class { display: inline-flex; align-items: center; gap: 4px; margin-right: 10px; cursor: pointer;
  user-select: none; white-space: nowrap; }
.pk-dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; }
.pk-count { color: #777; font-size: 12px; }
#pk-status { margin-top: 4px; font-size: 12px; color: #555; min-height: 1.4em; }
#pk-network { flex: 1 1 auto; min-height: 360px; position: relative; }
.vis-network:focus { outline: none; }
.vis-tooltip { position: absolute; visibility: hidden; z-index: 10; max-width: 440px; padding: 7px 9px;
  background: #fffef6; border: 1px solid #b9b39b; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.18);
  font-size: 13px; line-height: 1.45; color: #222; white-space: normal; pointer-events: none; }
.pk-tip-name { font-weight: 600; font-size: 14px; }
.pk-tip-kind { color: #555; font-size: 12px; margin-bottom: 3px; }
.pk-tip-ev { margin-top: 4px; padding-top: 4px; border-top: 1px dotted #ccc; }
.pk-tip-doc { display: inline-block; margin-right: 5px; padding: 0 4px; border-radius: 3px; background: #ecebe3;
  color: #555; font-size: 11px; font-family: monospace; }
"""

APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pk-data").textContent);
  var byId = {};
  var classById = {};
  var statusBox = document.getElementById("pk-status");
  var message = "";
  var api = { stabilised: false, data: data };
  window.parkkg = api;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function tooltip(name, kind, evidence) {
    var box = el("div", "pk-tip");
    box.appendChild(el("div", "pk-tip-name", name));
    box.appendChild(el("div", "pk-tip-kind", kind));
    evidence.forEach(function (item) {
      var line = el("div", "pk-tip-ev");
      line.appendChild(el("span", "pk-tip-doc", item[0] || "?"));
      line.appendChild(document.createTextNode(item[1]));
      box.appendChild(line);
    });
    return box;
  }

  function short(text) {
    return text.length > 18 ? text.slice(0, 17) + "…" : text;
  }

  data.classes.forEach(function (c) { classById[c.id] = c; });
  var nodeItems = data.nodes.map(function (n) {
    byId[n.id] = n;
    return { id: n.id, label: short(n.label), group: n.cls, value: n.degree + 1,
             title: tooltip(n.label, n.kind, n.evidence) };
  });
  var edgeItems = data.edges.map(function (e, i) {
    var from = byId[e.from], to = byId[e.to];
    var item = { id: "e" + i, from: e.from, to: e.to,
                 title: tooltip(from.label + " → " + to.label, e.relLabel + " · " + e.rel, e.evidence) };
    if (data.edgeLabels) { item.label = e.relLabel; }
    return item;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("pk-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  api.nodes = nodes;
  api.edges = edges;
  api.network = network;

  var state = { classes: {}, park: "" };
  data.classes.forEach(function (c) { state.classes[c.id] = true; });

  function visibleCount() {
    return nodes.get({ filter: function (n) { return !n.hidden; } }).length;
  }
  api.visibleCount = visibleCount;

  function showStatus() {
    var text = data.nodes.length + " 个节点 · " + data.edges.length + " 条关系";
    var shown = visibleCount();
    if (shown !== data.nodes.length) { text += " · 显示 " + shown; }
    if (!api.stabilised && data.nodes.length) { text += " · 布局计算中…"; }
    if (message) { text += " · " + message; }
    statusBox.textContent = text;
  }

  function applyFilters() {
    var keep = null;
    if (state.park && byId[state.park]) {
      keep = {};
      keep[state.park] = true;
      network.getConnectedNodes(state.park).forEach(function (id) { keep[id] = true; });
    }
    var shown = {};
    nodes.update(data.nodes.map(function (n) {
      var visible = n.id === state.park || (state.classes[n.cls] && (!keep || keep[n.id] === true));
      if (visible) { shown[n.id] = true; }
      return { id: n.id, hidden: !visible };
    }));
    edges.update(data.edges.map(function (e, i) {
      return { id: "e" + i, hidden: !(shown[e.from] && shown[e.to]) };
    }));
    showStatus();
    return Object.keys(shown).length;
  }

  function setClass(cls, enabled) {
    state.classes[cls] = !!enabled;
    var box = document.getElementById("pk-class-" + cls);
    if (box) { box.checked = !!enabled; }
    return applyFilters();
  }
  api.setClass = setClass;

  function focusPark(id) {
    state.park = id && byId[id] ? id : "";
    document.getElementById("pk-park").value = state.park;
    var count = applyFilters();
    if (state.park) {
      var ids = nodes.getIds({ filter: function (n) { return !n.hidden; } });
      network.fit({ nodes: ids, animation: { duration: 400 } });
      network.selectNodes([state.park]);
    }
    return count;
  }
  api.focusPark = focusPark;

  function reset() {
    data.classes.forEach(function (c) { state.classes[c.id] = true; });
    data.classes.forEach(function (c) { document.getElementById("pk-class-" + c.id).checked = true; });
    state.park = "";
    document.getElementById("pk-park").value = "";
    message = "";
    network.unselectAll();
    applyFilters();
    network.fit({ animation: { duration: 300 } });
  }
  api.reset = reset;

  function search(query) {
    var q = String(query || "").trim();
    if (!q) { return null; }
    var lower = q.toLowerCase();
    function has(n) {
      return n.label.toLowerCase().indexOf(lower) >= 0 ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(lower) >= 0; });
    }
    var hit = data.nodes.find(function (n) { return n.label === q; }) ||
      data.nodes.find(function (n) { return n.aliases.indexOf(q) >= 0; }) ||
      data.nodes.find(has);
    if (!hit) {
      message = "未找到：" + q;
      showStatus();
      return null;
    }
    if (nodes.get(hit.id).hidden) { reset(); }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: { duration: 500 } });
    message = "已定位：" + hit.label + "（" + classById[hit.cls].label + "）";
    showStatus();
    return hit.id;
  }
  api.search = search;

  // controls, built from the data with textContent only
  var classBox = document.getElementById("pk-classes");
  data.classes.forEach(function (c) {
    var label = el("label", "pk-class");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.id = "pk-class-" + c.id;
    box.addEventListener("change", function () { setClass(c.id, box.checked); });
    var dot = el("span", "pk-dot");
    dot.style.background = c.colour;
    label.appendChild(box);
    label.appendChild(dot);
    label.appendChild(document.createTextNode(c.label));
    label.appendChild(el("span", "pk-count", "(" + c.count + ")"));
    classBox.appendChild(label);
  });

  var parkSelect = document.getElementById("pk-park");
  data.nodes.filter(function (n) { return n.cls === "Park"; }).forEach(function (n) {
    var option = el("option", null, n.label + " (" + n.degree + ")");
    option.value = n.id;
    parkSelect.appendChild(option);
  });
  parkSelect.addEventListener("change", function () { focusPark(parkSelect.value); });

  var names = document.getElementById("pk-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    if (seen[n.label]) { return; }
    seen[n.label] = true;
    var option = el("option");
    option.value = n.label;
    names.appendChild(option);
  });
  var searchBox = document.getElementById("pk-search");
  document.getElementById("pk-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(searchBox.value);
  });
  document.getElementById("pk-reset").addEventListener("click", function () {
    searchBox.value = "";
    reset();
  });

  function stabilised() {
    if (api.stabilised) { return; }
    network.setOptions({ physics: { enabled: false } });
    // a small graph fits at a zoom where its labels would be huge: keep it at natural size
    if (network.getScale() > 1) { network.moveTo({ scale: 1 }); }
    api.stabilised = true;
    document.body.setAttribute("data-stabilised", "true");
    showStatus();
  }
  network.on("stabilizationProgress", function (p) {
    message = "布局 " + Math.round(100 * p.iterations / p.total) + "%";
    showStatus();
  });
  network.once("stabilizationIterationsDone", function () { message = ""; stabilised(); });
  if (!data.nodes.length) { message = "图中没有节点"; stabilised(); }
  showStatus();
})();
"""
