/* thidua search engine: plain JavaScript, no dependencies, no DOM.
 *
 * Reads the static index (the meta file, postings in hashed buckets, the
 * record store, the facets) and answers queries with the analyzer of
 * search-text.js and the scoring of search-query.js, so it gives the same
 * answers as `thidua search`. Runs in Node (module.exports, requiring its two
 * siblings) for the conformance test and in the browser (the global
 * ThiduaSearch, after search-text.js and search-query.js), where search.js,
 * the page, drives it.
 */
(function (root) {
  'use strict';

  var node = typeof module === 'object' && module.exports;
  var T = node ? require('./search-text.js') : root.ThiduaText;
  var Q = node ? require('./search-query.js') : root.ThiduaQuery;
  var Analyzer = T.Analyzer, EXACT = T.EXACT;
  var parse = Q.parse, display = Q.display, rewrite = Q.rewrite, resolve = Q.resolve, oneTypo = Q.oneTypo;
  var isLetters = Q.isLetters, planTerms = Q.planTerms, pairSlots = Q.pairSlots, information = Q.information;
  var evaluate = Q.evaluate, count = Q.count, excerpt = Q.excerpt, windowed = Q.windowed;

  // export.rs: postings are a string: records as gaps ('A' = 0, count, first, differences) or a
  // bitset ('B' = 1, first, digit count, digits of 6 bits); numbers are base64 digits of 5 bits
  // with a "more" bit. Then (words and spans) the levels as characters U+0100 + level (see decode).
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // Reads records from str at i: [records, index after them].
  function records(str, i) {
    var docs = [];
    function num() {
      var v = 0, mul = 1, c;
      do { c = B64.indexOf(str[i++]); v += (c & 31) * mul; mul *= 32; } while (c & 32);
      return v;
    }
    if (num() === 0) {
      var n = num(), d = 0;
      for (var k = 0; k < n; k++) { d += num(); docs.push(d); }
    } else {
      var first = num(), nd = num();
      for (var j = 0; j < nd; j++) {
        var bits = B64.indexOf(str[i++]);
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) docs.push(first + 6 * j + b);
      }
    }
    return [docs, i];
  }
  // Levels (encode.rs encode_postings): one for all; or one (base), the places of the records at
  // another level (ASCII), their levels; or two (low, high) then the places of the high ones (ASCII);
  // or one a record.
  function decode(str, levels) {
    var r = records(str, 0), docs = r[0], i = r[1];
    if (!levels) return new Set(docs);
    var m = new Map(), rest = str.length - i, lv = function (k) { return levels[str.charCodeAt(k) - 0x100]; };
    if (rest >= 2 && str.charCodeAt(i + 1) < 0x100) {
      var p = records(str, i + 1), places = p[0], at = p[1], base = lv(i), j = 0;
      docs.forEach(function (doc, k) {
        if (places[j] === k) m.set(doc, lv(at + j++));
        else m.set(doc, base);
      });
    } else if (rest >= 3 && str.charCodeAt(i + 2) < 0x100) {
      var high = new Set(records(str, i + 2)[0]), lo = lv(i), hi = lv(i + 1);
      docs.forEach(function (doc, k) { m.set(doc, high.has(k) ? hi : lo); });
    } else {
      docs.forEach(function (doc, k) { m.set(doc, lv(rest === 1 ? i : i + k)); });
    }
    return m;
  }

  // impact.rs: the values of the 256 impact levels, integers only.
  function levelTable(ratio) {
    var v = [1];
    for (var q = 1; q < 256; q++) v.push(Math.max(v[q - 1] + 1, Math.floor((v[q - 1] * ratio + 500) / 1000)));
    return v;
  }

  // export.rs: 32-bit FNV-1a of the UTF-8 bytes: the bucket of a key.
  function fnv1a(key) {
    var bytes = new TextEncoder().encode(key), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }



  // ---- the engine ----------------------------------------------------------

  /* open(entry, load): `load(path)` resolves to the parsed JSON of an index
   * file given its site path relative to the index folder's parent. */
  function open(entry, load) {
    return Promise.resolve(load(entry)).then(function (meta) { return new Engine(entry, meta, load); });
  }

  function Engine(entry, meta, load) {
    this.dir = entry.slice(0, entry.lastIndexOf('/') + 1);
    this.meta = meta;
    this.load = load;
    this.P = meta.params;
    this.levels = levelTable(meta.params.impactRatio);
    this.an = new Analyzer(meta.tables);
    this.vocab = meta.vocab;
    this.index = new Map();
    for (var i = 0; i < this.vocab.length; i++) this.index.set(this.vocab[i], i);
    this.files = new Map();
    this.recordCount = meta.records;
    this.facets = null; // loaded with loadFacets, when filters are used
    // Keys with files of their own: vocabulary words marked by a bit (6 a digit), then others by name.
    this.heavy = {};
    for (var cls in meta.terms) {
      var spec = meta.terms[cls], m = this.heavy[cls] = new Map(), flags = spec[3] || '';
      for (var v = 0; v < this.vocab.length && flags; v++) {
        var digit = B64.indexOf(flags.charAt(Math.floor(v / 6)));
        if (digit >= 0 && digit & (1 << (v % 6))) m.set(this.vocab[v], m.size);
      }
      (spec[1] ? spec[1].split('\n') : []).forEach(function (key) { m.set(key, m.size); });
    }
  }

  // The facets file (export.rs): fetched once, when the reader opens the filters or brings one.
  Engine.prototype.loadFacets = function () {
    var self = this;
    return this.file(this.meta.facets).then(function (f) {
      if (!self.facets) { self.facetData = f; self.facets = facetColumns(f); }
      return f;
    });
  };

  Engine.prototype.file = function (name) {
    if (!this.files.has(name)) this.files.set(name, Promise.resolve(this.load(this.dir + name)));
    return this.files.get(name);
  };

  // Bucket and chunk n: `<prefix>.<n>.<hash>.json`, the hash of n's group of files (export.rs numbered),
  // the groups' hashes concatenated in the meta file.
  function numbered(prefix, hashes, n, group) {
    var g = Math.floor(n / group);
    return prefix + '.' + n + '.' + hashes.slice(g * HASH, (g + 1) * HASH) + '.json';
  }
  var HASH = 6, SAME = '=';

  // Loads postings of the plan's terms and neighbouring pairs: one parallel round of bucket fetches.
  Engine.prototype.postings = function (plan) {
    var self = this, map = { terms: new Map(), pairs: new Map(), records: this.recordCount }, need = new Map(), exact = [];
    // Three classes of keys, each hashed into its own buckets: t (words, spans), p (pairs), x (exact
    // forms); large postings have files of their own, listed by key.
    function want(key, pair) {
      var cls = pair ? 'p' : key.charAt(0) === EXACT ? 'x' : 't', spec = self.meta.terms[cls];
      var h = self.heavy[cls].get(key), name = h === undefined
        ? numbered(cls, spec[0], fnv1a(key) % spec[4], self.P.group) : numbered(cls + 'h', spec[2], h, self.P.group);
      if (!need.has(name)) need.set(name, []);
      need.get(name).push([key, pair, h !== undefined]);
    }
    // The vocabulary lists the words of letters; other terms are looked up in their bucket.
    function mayExist(word) { return !isLetters(word) || self.index.has(word); }
    planTerms(plan).forEach(function (t) {
      if (mayExist(t.charAt(0) === EXACT ? self.an.fold(t.slice(1)) : t)) want(t, false);
    });
    pairSlots(plan).forEach(function (k) {
      var a = plan.slots[k].word, b = plan.slots[k + 1].word;
      if (mayExist(a) && mayExist(b)) want(a + ' ' + b, true);
    });
    return Promise.all(Array.from(need.keys()).map(function (name) {
      return self.file(name).then(function (bucket) {
        need.get(name).forEach(function (kp) {
          var e = kp[2] ? bucket : Object.prototype.hasOwnProperty.call(bucket, kp[0]) ? bucket[kp[0]] : null;
          if (e === null) return;
          if (kp[1]) map.pairs.set(kp[0], decode(e, null));
          else if (kp[0].charAt(0) === EXACT) exact.push([kp[0], e === SAME ? null : decode(e, null)]);
          else map.terms.set(kp[0], decode(e, self.levels));
        });
      });
    })).then(function () {
      // An exact form is the places in its word's postings where the word is written so (all of
      // them when SAME); there it scores as the word does.
      exact.forEach(function (x) {
        var word = map.terms.get(self.an.fold(x[0].slice(1))), m = new Map(), k = 0;
        if (!word) return;
        word.forEach(function (v, doc) { if (!x[1] || x[1].has(k)) m.set(doc, v); k++; });
        map.terms.set(x[0], m);
      });
      return map;
    });
  };

  // export.rs: facet columns of fixed-width codes (0 = none, i + 1 = the i-th label).
  var CODES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  function codeWidth(n) { var w = 1; while (Math.pow(64, w) < n) w++; return w; }
  function readCodes(str, n) {
    var w = codeWidth(n), out = [];
    for (var i = 0; i + w <= str.length; i += w) {
      var v = 0;
      for (var k = 0; k < w; k++) v = v * 64 + CODES.indexOf(str[i + k]);
      out.push(v);
    }
    return out;
  }
  function facetColumns(f) {
    var c = f.cols, years = f.lastYear - f.firstYear + 2;
    function named(list) { return function (v) { return v ? list[v - 1][0] : null; }; }
    var kinds = readCodes(c.kind, f.kinds.length + 1).map(function (v) { return v ? f.kinds[v - 1] : null; });
    var year = readCodes(c.year, years).map(function (v) { return v ? f.firstYear + v - 1 : null; });
    var district = readCodes(c.district, f.districts.length + 1).map(named(f.districts));
    var eth = readCodes(c.ethnicity, f.ethnicities.length + 1).map(named(f.ethnicities));
    var camp = kinds.map(function () { return []; });
    c.campaign.split(',').forEach(function (s, i) {
      var at = 0, ord = -1;
      while (at < s.length) {
        var v = 0, mul = 1, d;
        do { d = B64.indexOf(s[at++]); v += (d & 31) * mul; mul *= 32; } while (d & 32);
        ord += v;
        if (camp[ord] && f.campaigns[i]) camp[ord].push(f.campaigns[i][0]);
      }
    });
    return kinds.map(function (k, i) {
      return { kind: k, year: year[i], district: district[i], ethnicity: eth[i], campaign: camp[i] };
    });
  }

  Engine.prototype.facetsOf = function (ord) { return this.facets[ord]; };

  var FACET_KEYS = ['kind', 'campaign', 'ethnicity', 'district', 'year'];

  // Does the record pass the filter of one facet? Values selected in one facet are alternatives.
  function passesFacet(fc, filters, key) {
    var want = filters && filters[key];
    if (!want || !want.length) return true;
    var have = key === 'campaign' ? fc.campaign : [fc[key]];
    return have.some(function (v) { return want.indexOf(v) >= 0; });
  }

  function passes(fc, filters) {
    return FACET_KEYS.every(function (k) { return passesFacet(fc, filters, k); });
  }

  /* Facet counts: the count of value v of facet F is the number of matches
   * that pass every selected filter of the *other* facets and have F = v. */
  function facetCounts(facetsOf, matches, filters) {
    var counts = emptyCounts();
    matches.forEach(function (m) {
      var fc = facetsOf(m[0]), fails = FACET_KEYS.filter(function (k) { return !passesFacet(fc, filters, k); });
      if (fails.length > 1) return;
      FACET_KEYS.forEach(function (k) {
        if (fails.length && fails[0] !== k) return;
        var vs = k === 'campaign' ? fc.campaign : [fc[k]];
        vs.forEach(function (v) { if (v !== null && v !== undefined) counts[k][v] = (counts[k][v] || 0) + 1; });
      });
    });
    return counts;
  }

  /* search(q, {typing, filters}) resolves to {plan, matches: [[ord, score]],
   * hits: matches passing the filters, counts: facet counts (see facetCounts)}.
   * Filters are lists of accepted values per facet (kind, year, district,
   * ethnicity, campaign slugs). */
  Engine.prototype.search = function (q, opts) {
    opts = opts || {};
    var self = this, plan = parse(this.an, this.P, String(q || ''));
    if (!plan.slots.length) return Promise.resolve({ plan: plan, matches: [], hits: [], counts: emptyCounts() });
    var again = rewrite(this.an, plan, this.vocab, this.index);
    if (again !== null) plan = parse(this.an, this.P, again);
    resolve(plan, this.vocab, this.index, this.P, !!opts.typing);
    var f = opts.filters, filtered = FACET_KEYS.some(function (k) { return f && f[k] && f[k].length; });
    // Facets only when asked for or filtering (fetched in the same round as the postings), or loaded before.
    var facets = opts.facets || filtered ? this.loadFacets() : null;
    return Promise.all([this.postings(plan), facets]).then(function (got) {
      var map = got[0], matches = evaluate(plan, self.P, map), fc = self.facets;
      var hits = fc ? matches.filter(function (m) { return passes(fc[m[0]], f); }) : matches;
      var counts = fc ? facetCounts(function (o) { return fc[o]; }, matches, f) : null;
      return { plan: plan, matches: matches, hits: hits, counts: counts, blocking: blocking(plan, map) };
    });
  };

  // Content words that no record holds in any form: what blocks a query.
  function blocking(plan, map) {
    return plan.slots.map(function (s, i) { return i; }).filter(function (i) {
      var s = plan.slots[i];
      if (s.optional) return false;
      var terms = [s.word].concat(s.alts, plan.spans.filter(function (sp) {
        return sp.start <= i && i < sp.start + sp.len;
      }).map(function (sp) { return sp.term; }));
      return terms.every(function (t) { return count(map, t) === 0; });
    });
  }

  // Did-you-mean: the vocabulary word nearest to `word` (at most two edits), or null.
  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d.push([i]);
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }
  // Nearest first; among equals, a word that holds every typed letter in order (a letter was dropped).
  function suggest(vocab, word) {
    var best = null, bd = 3, bs = false;
    if (!isLetters(word) || word.length < 3) return null;
    for (var k = 0; k < vocab.length; k++) {
      var t = vocab[k];
      if (t === word || Math.abs(t.length - word.length) > bd || !isLetters(t)) continue;
      var dd = distance(word, t), sub = holds(t, word);
      if (dd <= 2 && (dd < bd || (dd === bd && sub && !bs))) { bd = dd; best = t; bs = sub; }
    }
    return best;
  }
  function holds(t, w) {
    var i = 0;
    for (var k = 0; k < t.length && i < w.length; k++) if (t[k] === w[i]) i++;
    return i === w.length;
  }

  function emptyCounts() { return { kind: {}, campaign: {}, ethnicity: {}, district: {}, year: {} }; }

  /* URL state: the filters sit in the query string beside q, one parameter per
   * selected value (`?q=…&kind=person&year=2023&year=2024`). */
  function readFilters(params) {
    var f = {};
    FACET_KEYS.forEach(function (k) {
      var vs = params.getAll(k).filter(function (v) { return v !== ''; });
      if (k === 'year') vs = vs.map(Number).filter(function (y) { return Math.floor(y) === y; });
      vs = vs.filter(function (v, i) { return vs.indexOf(v) === i; });
      if (vs.length) f[k] = vs;
    });
    return f;
  }
  function writeFilters(params, filters) {
    FACET_KEYS.forEach(function (k) {
      params.delete(k);
      ((filters || {})[k] || []).forEach(function (v) { params.append(k, String(v)); });
    });
    return params;
  }

  // Result data of records by ord: one parallel round of store fetches.
  Engine.prototype.records = function (ords, plan) {
    var self = this, st = this.meta.store;
    return Promise.all(ords.map(function (ord) {
      return self.file(numbered('d', st.files, Math.floor(ord / st.chunk), st.group)).then(function (chunk) {
        var r = chunk[ord % st.chunk];
        var rec = { ord: ord, url: r[0], title: r[1], kind: r[2], date: r[3] || null, text: r[4] };
        var ex = excerpt(self.an, self.P, plan, rec);
        rec.excerpt = ex.text;
        rec.highlights = ex.highlights;
        return rec;
      });
    }));
  };

  var api = {
    open: open, Analyzer: Analyzer, parse: parse, resolve: resolve, evaluate: evaluate, oneTypo: oneTypo, decode: decode,
    information: information, display: display, suggest: suggest, blocking: blocking,
    windowed: windowed, facetCounts: facetCounts, passes: passes, fnv1a: fnv1a, levelTable: levelTable,
    readFilters: readFilters, writeFilters: writeFilters, FACET_KEYS: FACET_KEYS
  };

  if (node) module.exports = api;
  else root.ThiduaSearch = api;
})(typeof self !== 'undefined' ? self : this);
