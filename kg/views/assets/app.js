(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pk-data").textContent);
  var view = data.view;
  var byId = {};
  var classById = {};
  var statusBox = document.getElementById("pk-status");
  var message = "";
  var api = { stabilised: false, data: data, settleMs: null, labelsDrawn: 0 };
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
  function attrText(n) {  // a park's catalogue level and type (any filterable attribute), for its tooltip
    var parts = [];
    (data.attributes || []).forEach(function (a) {
      ((n.attrs || {})[a.key] || []).forEach(function (v) {
        var shown = v;
        (a.values || []).forEach(function (x) { if (x.value === v) { shown = x.label; } });
        parts.push(a.label + "：" + shown);
      });
    });
    return parts.length ? " · " + parts.join(" · ") : "";
  }
  var edgesOf = {};
  var nodeItems = data.nodes.map(function (n) {
    byId[n.id] = n;
    edgesOf[n.id] = [];
    return { id: n.id, label: short(n.label), group: n.cls, value: n.degree + 1,
             title: tooltip(n.label, n.kind + attrText(n), n.evidence) };
  });
  var edgeItems = data.edges.map(function (e, i) {
    var from = byId[e.from], to = byId[e.to];
    edgesOf[e.from].push(i);
    edgesOf[e.to].push(i);
    var item = { id: "e" + i, from: e.from, to: e.to,
                 title: tooltip(from.label + " → " + to.label,
                                e.relLabel + " · " + e.rel + " · 置信度 " + e.confidence, e.evidence) };
    if (data.edgeLabels) { item.label = e.relLabel; }
    return item;
  });

  var state = { classes: {}, park: "", minDegree: view.minDegree, confidence: 0, attrs: {}, labels: true };
  data.classes.forEach(function (c) { state.classes[c.id] = true; });
  var attributeByKey = {};
  (data.attributes || []).forEach(function (a) { attributeByKey[a.key] = a; });
  var shownNodes = {}, shownEdges = {};

  function attrOk(n) {
    return Object.keys(state.attrs).every(function (key) {
      var want = state.attrs[key], attribute = attributeByKey[key];
      if (!want || attribute.classes.indexOf(n.cls) < 0) { return true; }
      return (n.attrs[key] || []).indexOf(want) >= 0;
    });
  }

  // which nodes and edges pass the filters: class, attributes, confidence, minimum degree, focus
  function computeShown() {
    var nodeOk = {}, degree = {}, edgeOk = {};
    data.nodes.forEach(function (n) { nodeOk[n.id] = !!state.classes[n.cls] && attrOk(n); });
    data.edges.forEach(function (e, i) {
      if (e.confidence >= state.confidence && nodeOk[e.from] && nodeOk[e.to]) {
        edgeOk[i] = true;
        degree[e.from] = (degree[e.from] || 0) + 1;
        degree[e.to] = (degree[e.to] || 0) + 1;
      }
    });
    var keep = null;
    if (state.park) {
      keep = {};
      keep[state.park] = true;
      edgesOf[state.park].forEach(function (i) {
        var e = data.edges[i];
        if (edgeOk[i]) { keep[e.from] = true; keep[e.to] = true; }
      });
    }
    shownNodes = {};
    api.hiddenByDegree = 0;
    data.nodes.forEach(function (n) {
      var wanted = n.id === state.park || (nodeOk[n.id] && (!keep || keep[n.id] === true));
      var visible = wanted && (n.id === state.park || (degree[n.id] || 0) >= state.minDegree);
      if (visible) { shownNodes[n.id] = true; } else if (wanted) { api.hiddenByDegree += 1; }
    });
    shownEdges = {};
    data.edges.forEach(function (e, i) {
      if (edgeOk[i] && shownNodes[e.from] && shownNodes[e.to]) { shownEdges["e" + i] = true; }
    });
  }
  computeShown();

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNodes[n.id] === true; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdges[e.id] === true; } });
  var container = document.getElementById("pk-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  api.nodes = nodes;
  api.edges = edges;
  api.network = network;

  function shownIds() { return Object.keys(shownNodes); }
  function visibleCount() { return shownIds().length; }
  api.visibleCount = visibleCount;
  api.visibleLabels = function () { return shownIds().map(function (id) { return byId[id].label; }); };
  api.isolatedShown = function () {
    return shownIds().filter(function (id) { return byId[id].degree === 0; }).length;
  };

  // labels: the most connected visible nodes are labelled at every zoom (drawn over the canvas at
  // a fixed screen size); the others carry vis-network's own label, which shows when zoomed in
  var labelled = [];
  function chooseLabels() {
    var ids = shownIds().filter(function (id) { return byId[id].degree > 0 || shownIds().length <= view.topLabels; });
    ids.sort(function (a, b) { return byId[b].degree - byId[a].degree || (byId[a].label < byId[b].label ? -1 : 1); });
    var top = state.labels ? ids.slice(0, view.topLabels) : [];
    var wasTop = {};
    labelled.forEach(function (id) { wasTop[id] = true; });
    var isTop = {};
    top.forEach(function (id) { isTop[id] = true; });
    var changes = [];
    data.nodes.forEach(function (n) {
      var want = !state.labels || isTop[n.id] ? "" : short(n.label);
      var item = nodes.get(n.id);
      if (item.label !== want) { changes.push({ id: n.id, label: want }); }
    });
    labelled = top;
    if (changes.length) { nodes.update(changes); }
  }
  api.labelledIds = function () { return labelled.slice(); };

  var fontFace = data.options.nodes.font.face;
  network.on("afterDrawing", function (ctx) {
    if (!state.labels || !labelled.length) { api.labelsDrawn = 0; return; }
    var scale = network.getScale();
    var positions = network.getPositions(labelled);
    var width = container.clientWidth, height = container.clientHeight;
    var drawn = 0, boxes = [];
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    labelled.forEach(function (id, rank) {
      var p = positions[id];
      var body = network.body.nodes[id];
      if (!p || !body) { return; }
      var size = (rank < 10 ? 15 : 13) / scale;
      var radius = (body.shape && body.shape.radius) || 10;
      ctx.font = (rank < 10 ? "600 " : "") + size + "px " + fontFace;
      ctx.lineWidth = 4 / scale;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = "#111111";
      var text = short(byId[id].label);
      // skip a label that would cover one of a better connected node (screen pixels)
      var w = ctx.measureText(text).width * scale, h = size * scale;
      var dom = network.canvasToDOM({ x: p.x, y: p.y + radius + 2 / scale });
      var rect = { x0: dom.x - w / 2, x1: dom.x + w / 2, y0: dom.y, y1: dom.y + h };
      if (boxes.some(function (b) { return rect.x0 < b.x1 && b.x0 < rect.x1 && rect.y0 < b.y1 && b.y0 < rect.y1; })) {
        return;
      }
      boxes.push(rect);
      ctx.strokeText(text, p.x, p.y + radius + 2 / scale);
      ctx.fillText(text, p.x, p.y + radius + 2 / scale);
      if (rect.x1 >= 0 && rect.y1 >= 0 && rect.x0 <= width && rect.y0 <= height) { drawn += 1; }
    });
    ctx.restore();
    api.labelsDrawn = drawn;
  });

  function statusText() {
    var c = data.counts;
    var text = c.nodes + " 个节点 · " + c.relations + " 条关系";
    if (c.targetLinks) { text += " · " + c.targetLinks + " 个目标"; }
    var shown = visibleCount();
    if (shown !== data.nodes.length) { text += " · 显示 " + shown; }
    if (api.hiddenByDegree) {
      text += " · 已隐藏 " + api.hiddenByDegree + (state.minDegree === 1 ? " 个孤立节点" : " 个关系少于 " + state.minDegree + " 条的节点");
    }
    if (!api.stabilised && data.nodes.length) { text += " · 布局计算中…"; }
    if (message) { text += " · " + message; }
    return text;
  }
  function showStatus() { statusBox.textContent = statusText(); }

  // a node that joins the view after the layout has settled is put beside a shown neighbour, or
  // in rows under the drawing: physics is off by then, so nothing else would move it
  var placed = {};
  function placeNewNodes(ids) {
    if (!api.stabilised || !ids.length) { return; }
    var known = network.getPositions();
    var box = { minX: 0, maxX: 0, maxY: 0 };
    Object.keys(known).forEach(function (id) {
      var p = known[id];
      box.minX = Math.min(box.minX, p.x); box.maxX = Math.max(box.maxX, p.x); box.maxY = Math.max(box.maxY, p.y);
    });
    var perRow = Math.max(10, Math.round((box.maxX - box.minX) / 40));
    var updates = [], spare = 0;
    ids.forEach(function (id, k) {
      if (placed[id]) { updates.push({ id: id, x: placed[id].x, y: placed[id].y }); return; }
      var anchor = edgesOf[id].map(function (i) { var e = data.edges[i]; return e.from === id ? e.to : e.from; })
        .filter(function (other) { return placed[other]; })[0];
      var x, y;
      if (anchor) {
        var a = placed[anchor], angle = (k * 2.399963) % (2 * Math.PI);
        x = a.x + 60 * Math.cos(angle); y = a.y + 60 * Math.sin(angle);
      } else {
        x = box.minX + 40 * (spare % perRow); y = box.maxY + 80 + 40 * Math.floor(spare / perRow);
        spare += 1;
      }
      placed[id] = { x: x, y: y };
      updates.push({ id: id, x: x, y: y });
    });
    if (updates.length) { nodes.update(updates); }
  }

  function applyFilters() {
    var before = shownNodes;
    if (api.stabilised) {  // remember where the shown nodes are (the user may have dragged some)
      var now = network.getPositions();
      Object.keys(now).forEach(function (id) { placed[id] = now[id]; });
    }
    computeShown();
    var added = shownIds().filter(function (id) { return !before[id]; });
    placeNewNodes(added);
    nodeView.refresh();
    edgeView.refresh();
    chooseLabels();
    showStatus();
    return visibleCount();
  }
  api.applyFilters = applyFilters;

  function setClass(cls, enabled) {
    state.classes[cls] = !!enabled;
    var box = document.getElementById("pk-class-" + cls);
    if (box) { box.checked = !!enabled; }
    return applyFilters();
  }
  api.setClass = setClass;

  var degreeInput = document.getElementById("pk-degree");
  var degreeValue = document.getElementById("pk-degree-value");
  function setMinDegree(value) {
    state.minDegree = Math.max(0, parseInt(value, 10) || 0);
    degreeInput.value = String(state.minDegree);
    degreeValue.textContent = "≥ " + state.minDegree;
    return applyFilters();
  }
  api.setMinDegree = setMinDegree;

  var confidenceInput = document.getElementById("pk-confidence");
  var confidenceValue = document.getElementById("pk-confidence-value");
  function setConfidence(value) {
    state.confidence = Math.max(0, Math.min(1, parseFloat(value) || 0));
    confidenceInput.value = String(state.confidence);
    confidenceValue.textContent = "≥ " + state.confidence.toFixed(2);
    return applyFilters();
  }
  api.setConfidence = setConfidence;

  function setAttribute(key, value) {
    state.attrs[key] = value || "";
    var select = document.getElementById("pk-attr-" + key);
    if (select) { select.value = state.attrs[key]; }
    return applyFilters();
  }
  api.setAttribute = setAttribute;

  var labelsBox = document.getElementById("pk-labels");
  function setLabels(on) {
    state.labels = !!on;
    labelsBox.checked = state.labels;
    chooseLabels();
    network.redraw();
    return labelled.length;
  }
  api.setLabels = setLabels;

  // focus: one node's neighbourhood, and a panel with each of its relations and their evidence
  var panel = document.getElementById("pk-focus");
  function showPanel(id) {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    if (!id) { panel.hidden = true; return; }
    var n = byId[id];
    var head = el("div", "pk-focus-head");
    head.appendChild(el("span", "pk-focus-name", n.label));
    var close = el("button", null, "关闭");
    close.type = "button";
    close.addEventListener("click", function () { focusPark(""); });
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(el("div", "pk-focus-kind", n.kind + " · " + n.degree + " 条关系"));
    var rows = edgesOf[id].map(function (i) { return data.edges[i]; });
    rows.sort(function (a, b) {
      var oa = a.from === id ? a.to : a.from, ob = b.from === id ? b.to : b.from;
      return a.relLabel < b.relLabel ? -1 : a.relLabel > b.relLabel ? 1 : byId[oa].label < byId[ob].label ? -1 : 1;
    });
    rows.forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      var row = el("div", "pk-focus-rel");
      row.appendChild(document.createTextNode((e.from === id ? "" : "← ") + e.relLabel + "："));
      var link = el("button", "pk-link", byId[other].label);
      link.type = "button";
      link.addEventListener("click", function () { focusPark(other); });
      row.appendChild(link);
      row.appendChild(el("span", "pk-focus-conf", "置信度 " + e.confidence));
      panel.appendChild(row);
      e.evidence.forEach(function (item) {
        var line = el("div", "pk-focus-ev");
        line.appendChild(el("span", "pk-tip-doc", item[0] || "?"));
        line.appendChild(document.createTextNode(item[1]));
        panel.appendChild(line);
      });
    });
    if (!rows.length) { panel.appendChild(el("div", "pk-focus-ev", "没有关系")); }
    panel.hidden = false;
  }

  function focusPark(id) {
    state.park = id && byId[id] ? id : "";
    var select = document.getElementById("pk-park");
    select.value = byId[state.park] && byId[state.park].cls === "Park" ? state.park : "";
    var count = applyFilters();
    showPanel(state.park);
    if (state.park) {
      network.fit({ nodes: shownIds(), animation: { duration: 400 } });
      network.selectNodes([state.park]);
    }
    return count;
  }
  api.focusPark = focusPark;
  api.focus = focusPark;
  api.focusPanelText = function () { return panel.hidden ? "" : panel.textContent; };

  function reset() {
    data.classes.forEach(function (c) { state.classes[c.id] = true; });
    data.classes.forEach(function (c) { document.getElementById("pk-class-" + c.id).checked = true; });
    Object.keys(state.attrs).forEach(function (key) {
      state.attrs[key] = "";
      document.getElementById("pk-attr-" + key).value = "";
    });
    state.park = "";
    state.confidence = 0;
    confidenceInput.value = "0";
    confidenceValue.textContent = "≥ 0.00";
    state.minDegree = view.minDegree;
    degreeInput.value = String(state.minDegree);
    degreeValue.textContent = "≥ " + state.minDegree;
    document.getElementById("pk-park").value = "";
    message = "";
    network.unselectAll();
    applyFilters();
    showPanel("");
    network.fit({ nodes: shownIds(), animation: { duration: 300 } });
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
    if (!shownNodes[hit.id]) { reset(); }
    if (!shownNodes[hit.id]) { setMinDegree(0); }
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

  var attrBox = document.getElementById("pk-attributes");
  (data.attributes || []).forEach(function (a) {
    var label = el("label", "pk-attr", a.label + " ");
    var select = el("select");
    select.id = "pk-attr-" + a.key;
    var all = el("option", null, "全部");
    all.value = "";
    select.appendChild(all);
    a.values.forEach(function (v) {
      var option = el("option", null, v.label + " (" + v.count + ")");
      option.value = v.value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { setAttribute(a.key, select.value); });
    state.attrs[a.key] = "";
    label.appendChild(select);
    attrBox.appendChild(label);
  });

  var parkSelect = document.getElementById("pk-park");
  data.nodes.filter(function (n) { return n.cls === "Park"; })
    .sort(function (a, b) { return b.degree - a.degree || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); })
    .forEach(function (n) {
      var option = el("option", null, n.label + " (" + n.degree + ")");
      option.value = n.id;
      parkSelect.appendChild(option);
    });
  parkSelect.addEventListener("change", function () { focusPark(parkSelect.value); });

  degreeInput.max = String(view.maxDegree);
  degreeInput.value = String(state.minDegree);
  degreeValue.textContent = "≥ " + state.minDegree;
  degreeInput.addEventListener("input", function () { setMinDegree(degreeInput.value); });
  confidenceInput.addEventListener("input", function () { setConfidence(confidenceInput.value); });
  confidenceValue.textContent = "≥ 0.00";
  labelsBox.addEventListener("change", function () { setLabels(labelsBox.checked); });
  network.on("doubleClick", function (params) {
    if (params.nodes && params.nodes.length) { focusPark(params.nodes[0]); }
  });

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
    placed = network.getPositions();
    // a small graph fits at a zoom where its labels would be huge: keep it at natural size
    if (network.getScale() > 1) { network.moveTo({ scale: 1 }); }
    api.stabilised = true;
    api.settleMs = Math.round(performance.now());
    document.body.setAttribute("data-stabilised", "true");
    showStatus();
  }
  network.on("stabilizationProgress", function (p) {
    message = "布局 " + Math.round(100 * p.iterations / p.total) + "%";
    showStatus();
  });
  network.once("stabilizationIterationsDone", function () { message = ""; stabilised(); });
  chooseLabels();
  if (!visibleCount()) { message = data.nodes.length ? "" : "图中没有节点"; stabilised(); }
  showStatus();
})();
