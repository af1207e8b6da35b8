/* thidua search page: drives /tim-kiem/ with the engine of
 * search-engine.js (window.ThiduaSearch, loaded before this file): the
 * address, the results, the filters and the help when little is found.
 * Nothing from the query or the records is ever inserted as HTML.
 */
(function (S) {
  'use strict';

  var open = S.open, readFilters = S.readFilters, writeFilters = S.writeFilters, suggest = S.suggest;
  var display = S.display, FACET_KEYS = S.FACET_KEYS;

  var KINDS = { campaign: 'Phong trào', person: 'Điển hình', news: 'Tin tức', document: 'Văn bản', page: 'Trang' };
  var FACETS = [['kind', 'Loại'], ['campaign', 'Phong trào'], ['ethnicity', 'Dân tộc'], ['district', 'Địa bàn'], ['year', 'Năm']];
  var PAGE = 10;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function formatDate(d) {
    var p = (d || '').split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : p.length === 2 ? p[1] + '/' + p[0] : (d || '');
  }

  function Page(app) {
    this.app = app;
    this.base = app.getAttribute('data-base') || '/';
    this.input = document.getElementById('search-q');
    this.status = document.getElementById('search-status');
    this.list = document.getElementById('search-results');
    this.more = document.getElementById('search-more');
    this.filtersBox = document.getElementById('search-filters');
    this.suggestBox = document.getElementById('search-suggest');
    this.suggestList = document.getElementById('search-suggest-list');
    // Filters sit in a <details>, closed until the reader opens it (or comes with a filter): only then
    // are the facets fetched, so a first query does not pay for them.
    this.panel = document.getElementById('search-filter-panel') || this.filtersBox;
    this.filters = {};
    this.shown = 0;
    this.seq = 0;
    this.timer = 0;
    var entry = app.getAttribute('data-index'), base = this.base;
    var rel = entry.indexOf(base) === 0 ? entry.slice(base.length - 1) : entry;
    this.engine = open(rel, function (path) {
      return fetch(base + path.replace(/^\//, '')).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + path);
        return r.json();
      });
    });
  }

  Page.prototype.start = function () {
    var self = this;
    document.getElementById('search-form').addEventListener('submit', function (e) {
      e.preventDefault();
      self.filters = {};
      self.run(false, 'push');
    });
    this.input.addEventListener('input', function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.filters = {}; self.run(true, 'replace'); }, 180);
    });
    this.more.addEventListener('click', function () { self.showMore(); });
    this.panel.addEventListener('toggle', function () {
      if (self.panel.open && self.result && !self.result.counts) self.refilter(null, null);
    });
    window.addEventListener('popstate', function () { self.fromUrl(); });
    this.fromUrl();
  };

  Page.prototype.fromUrl = function () {
    var params = new URLSearchParams(location.search);
    this.input.value = params.get('q') || '';
    this.filters = readFilters(params);
    if (FACET_KEYS.some(function (k) { return (this.filters[k] || []).length; }, this)) this.panel.open = true;
    this.run(false, null);
  };

  // Writes q and the filters into the address: 'push' (a new step for the back button) or 'replace'.
  Page.prototype.remember = function (q, history) {
    var url = new URL(location.href);
    if (q.trim()) url.searchParams.set('q', q); else url.searchParams.delete('q');
    writeFilters(url.searchParams, this.filters);
    if (url.href !== location.href) window.history[history + 'State'](null, '', url);
  };

  Page.prototype.say = function (text) { this.status.textContent = text; };

  // A file of the index failed to load or parse (missing, truncated, damaged): said, never an empty list.
  var LOAD_FAILED = 'Không tải được chỉ mục tìm kiếm (tệp bị thiếu hoặc hỏng). Vui lòng tải lại trang; nếu vẫn lỗi, xin báo quản trị trang.';
  Page.prototype.failed = function (seq) { if (seq === this.seq) this.say(LOAD_FAILED); };

  Page.prototype.run = function (typing, history) {
    var self = this, q = this.input.value, seq = ++this.seq;
    if (history) this.remember(q, history);
    if (!q.trim()) {
      this.clear();
      this.say('Nhập từ khóa để tìm kiếm.');
      return;
    }
    this.say('Đang tìm…');
    this.engine.then(function (engine) {
      return engine.search(q, { typing: typing, filters: self.filters, facets: self.panel.open }).then(function (res) {
        if (seq !== self.seq) return;
        self.engineReady = engine;
        self.result = res;
        self.q = q;
        self.render();
      });
    }).catch(function () { self.failed(seq); });
  };

  Page.prototype.clear = function () {
    this.list.textContent = '';
    if (this.suggestBox) { this.suggestBox.hidden = true; this.suggestList.textContent = ''; }
    this.more.hidden = true;
    this.panel.hidden = true;
    this.filtersBox.textContent = '';
  };

  Page.prototype.render = function () {
    this.clear();
    var res = this.result, shown = Array.from(this.q).slice(0, 60).join('');
    if (!res.plan.slots.length) this.say('Từ khóa không có chữ hoặc số nào để tìm.');
    else if (!res.hits.length) this.say('Không có kết quả cho “' + shown + '”.');
    else if (res.hits[0][2].length) this.say('Không trang nào có đủ các từ của “' + shown + '”; ' + res.hits.length + ' kết quả gần đúng.');
    else this.say(res.hits.length + ' kết quả cho “' + shown + '”.');
    this.renderFilters();
    this.renderHelp();
    this.shown = 0;
    this.showMore();
  };

  // Few or no hits: did-you-mean for the words no record has, the query without them, the sections.
  Page.prototype.renderHelp = function () {
    var self = this, res = this.result, plan = res.plan, engine = this.engineReady;
    if (!this.suggestBox || !plan.slots.length || (res.hits.length >= 3 && !res.hits[0][2].length)) return;
    function offer(text, q) {
      var li = el('li', {}, text + ' '), a = el('a', { href: '?q=' + encodeURIComponent(q) }, q);
      a.addEventListener('click', function (e) {
        e.preventDefault();
        self.input.value = q;
        self.filters = {};
        self.run(false, 'push');
      });
      li.appendChild(a);
      self.suggestList.appendChild(li);
    }
    function replaced(with_) {
      var out = '', at = 0;
      res.blocking.forEach(function (i) {
        var r = plan.slots[i].range;
        out += plan.q.slice(at, r[0]) + (with_[i] || '');
        at = r[1];
      });
      return (out + plan.q.slice(at)).replace(/\s+/g, ' ').trim();
    }
    var fixes = {};
    res.blocking.forEach(function (i) {
      var w = suggest(engine.vocab, plan.slots[i].word);
      if (w) fixes[i] = w;
    });
    if (Object.keys(fixes).length) offer('Có phải bạn muốn tìm:', replaced(fixes));
    var without = replaced({});
    if (res.blocking.length && without && without !== plan.q.trim()) {
      offer('Không trang nào có “' + res.blocking.map(function (i) { return display(plan.slots[i]); }).join(', ') + '”. Tìm bỏ từ đó:', without);
    }
    this.suggestBox.hidden = false;
  };

  Page.prototype.showMore = function () {
    var self = this, res = this.result, seq = this.seq;
    var hits = res.hits.slice(this.shown, this.shown + PAGE), batch = hits.map(function (m) { return m[0]; });
    this.shown += batch.length;
    this.engineReady.records(batch, res.plan).then(function (recs) {
      if (seq !== self.seq) return;
      recs.forEach(function (r, k) {
        r.missing = hits[k][2].map(function (i) { return display(res.plan.slots[i]); });
        self.list.appendChild(self.item(r));
      });
      // shown only below the new results, so it never jumps down (layout shift)
      self.more.hidden = self.shown >= res.hits.length;
    }).catch(function () {
      self.shown -= batch.length;
      self.failed(seq);
    });
  };

  Page.prototype.item = function (r) {
    var li = el('li', { class: 'search-hit' });
    var h = el('h2', { class: 'search-hit-title' });
    h.appendChild(el('a', { href: this.base + r.url.replace(/^\//, '') }, r.title));
    li.appendChild(h);
    var meta = el('p', { class: 'search-hit-meta' });
    meta.appendChild(el('span', { class: 'search-kind search-kind-' + r.kind }, KINDS[r.kind] || r.kind));
    if (r.date) {
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(el('time', { datetime: r.date }, formatDate(r.date)));
    }
    li.appendChild(meta);
    var p = el('p', { class: 'search-hit-excerpt' }), at = 0, text = r.excerpt;
    r.highlights.forEach(function (hl) {
      if (hl[0] > at) p.appendChild(document.createTextNode(text.slice(at, hl[0])));
      p.appendChild(el('mark', {}, text.slice(hl[0], hl[1])));
      at = hl[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    li.appendChild(p);
    if (r.missing && r.missing.length) {
      var miss = el('p', { class: 'search-hit-missing' }, 'Không có: ');
      r.missing.forEach(function (w, k) {
        if (k) miss.appendChild(document.createTextNode(', '));
        miss.appendChild(el('s', {}, w));
      });
      li.appendChild(miss);
    }
    return li;
  };

  Page.prototype.label = function (facet, value) {
    var f = this.engineReady.facetData;
    function find(list) { var x = list.filter(function (p) { return p[0] === value; })[0]; return x ? x[1] : value; }
    if (facet === 'kind') return KINDS[value] || value;
    if (facet === 'campaign') return find(f.campaigns);
    if (facet === 'ethnicity') return find(f.ethnicities);
    if (facet === 'district') return find(f.districts);
    return String(value);
  };

  Page.prototype.renderFilters = function () {
    var self = this, counts = this.result.counts, any = false;
    if (!counts) {
      // Facets not loaded yet: the closed panel offers them when there is something to filter.
      this.panel.hidden = this.result.hits.length < 2;
      return;
    }
    FACETS.forEach(function (fd) {
      var key = fd[0], values = Object.keys(counts[key]);
      (self.filters[key] || []).forEach(function (v) {
        if (values.indexOf(String(v)) < 0) { values.push(String(v)); counts[key][v] = 0; }
      });
      if (values.length < 2 && !(self.filters[key] || []).length) return;
      any = true;
      var fs = el('fieldset', { class: 'search-facet' });
      fs.appendChild(el('legend', {}, fd[1]));
      values.sort(function (a, b) { return counts[key][b] - counts[key][a] || (a < b ? -1 : 1); });
      values.forEach(function (v) {
        var value = key === 'year' ? Number(v) : v, id = 'f-' + key + '-' + String(v).replace(/[^a-z0-9-]/gi, '');
        var label = el('label', { for: id }), box = el('input', { type: 'checkbox', id: id });
        box.checked = (self.filters[key] || []).indexOf(value) >= 0;
        box.addEventListener('change', function () {
          var cur = (self.filters[key] || []).filter(function (x) { return x !== value; });
          if (box.checked) cur.push(value);
          self.filters[key] = cur;
          self.refilter(id);
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + self.label(key, value) + ' '));
        label.appendChild(el('span', { class: 'search-count' }, '(' + counts[key][v] + ')'));
        fs.appendChild(label);
      });
      self.filtersBox.appendChild(fs);
    });
    this.panel.hidden = !any;
    var active = FACETS.reduce(function (n, fd) { return n + (self.filters[fd[0]] || []).length; }, 0);
    var summary = this.panel.querySelector('summary');
    if (summary) summary.textContent = 'Lọc kết quả' + (active ? ' (' + active + ' đang chọn)' : '');
  };

  Page.prototype.refilter = function (focusId, history) {
    var self = this, seq = ++this.seq;
    if (history !== null) this.remember(this.q, 'push');
    this.engineReady.search(this.q, { filters: this.filters, facets: true }).then(function (res) {
      if (seq !== self.seq) return;
      self.result = res;
      self.render();
      var again = focusId && document.getElementById(focusId);
      if (again) again.focus();
    }).catch(function () { self.failed(seq); });
  };

  function startPage() {
    var app = document.getElementById('search-app');
    if (app && app.getAttribute('data-index')) new Page(app).start();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
  else startPage();
})(self.ThiduaSearch);
