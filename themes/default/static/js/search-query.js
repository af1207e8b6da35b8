/* thidua search, queries and scoring: plain JavaScript, no dependencies, no DOM.
 *
 * Mirrors src/search/query (parsing, rewriting, resolving words against the
 * vocabulary, weights, scoring, ranking) and src/search/excerpt with the same
 * integer arithmetic, so the browser ranks exactly as `thidua search`. Runs in
 * Node (module.exports) and in the browser as the global ThiduaQuery, used by
 * search-engine.js.
 */
(function (root) {
  'use strict';

  // ---- queries (src/search/query.rs) --------------------------------------

  function parse(an, P, q) {
    q = Array.from(q).slice(0, P.maxQueryChars).join('');
    var parts = q.split('"'), quotes = parts.length - 1, lastChar = Array.from(q).pop();
    var plan = { slots: [], spans: [], phrases: [], openEnd: lastChar !== undefined && !/\s/u.test(lastChar) && lastChar !== '"' };
    var at = 0;
    parts.forEach(function (part, i) {
      var quoted = i % 2 === 1 && !(quotes % 2 === 1 && i === quotes), base = plan.slots.length;
      an.tokens(part).forEach(function (t) {
        var slot = base + t.pos;
        if (t.cls === 'word') {
          plan.slots.push({ word: t.text, exact: null, quoted: quoted, alts: [], optional: false, range: [at + t.from, at + t.to] });
        } else if (t.cls === 'exact') { if (plan.slots[slot]) plan.slots[slot].exact = t.text; }
        else if (!quoted) plan.spans.push({ start: slot, len: t.len, term: t.text, joined: false });
      });
      if (quoted && plan.slots.length - base >= 2) plan.phrases.push([base, plan.slots.length]);
      at += part.length + 1;
    });
    plan.slots = plan.slots.slice(0, P.maxSlots);
    plan.spans = plan.spans.filter(function (s) { return s.start + s.len <= P.maxSlots; });
    plan.phrases = plan.phrases.map(function (r) { return [r[0], Math.min(r[1], P.maxSlots)]; })
      .filter(function (r) { return r[1] > r[0] + 1; });
    plan.q = q;
    return plan;
  }

  function display(s) { return s.exact ? s.exact.slice(1) : s.word; }

  // query.rs rewrite: words the vocabulary lacks, decoded (Telex, VNI) or split in two vocabulary words (quoted).
  function rewrite(an, plan, vocab, index) {
    var q = plan.q, out = '', at = 0;
    plan.slots.forEach(function (s) {
      if (s.quoted || index.has(s.word)) return;
      var w = replacement(an, s, vocab, index);
      if (w === null) return;
      out += q.slice(at, s.range[0]) + w;
      at = s.range[1];
    });
    return at === 0 ? null : out + q.slice(at);
  }
  function replacement(an, s, vocab, index) {
    var d = an.decode(display(s)), w = s.word;
    if (d !== null && index.has(an.fold(d))) return d;
    if (!isLetters(w) || w.length < 3 || vocab.some(function (t) { return isLetters(t) && oneTypo(w, t); })) return null;
    for (var i = 1; i < w.length; i++) if (index.has(w.slice(0, i)) && index.has(w.slice(i))) return '"' + w.slice(0, i) + ' ' + w.slice(i) + '"';
    return null;
  }

  function isLetters(w) { return /^[a-z]+$/.test(w); }

  function oneTypo(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    var ra = a.slice(p), rb = b.slice(p);
    if (ra.length === rb.length) {
      return ra.slice(1) === rb.slice(1) ||
        (ra.length >= 2 && ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2));
    }
    return ra.length > rb.length ? ra.slice(1) === rb : rb.slice(1) === ra;
  }

  function resolve(plan, vocab, vocabSet, P, typing) {
    var last = plan.slots.length - 1, n = plan.slots.length;
    plan.slots.forEach(function (s) {
      s.optional = !s.quoted && (s.exact ? P.optionalWords.indexOf(s.exact.slice(1)) >= 0 : P.optionalPlain.indexOf(s.word) >= 0);
    });
    for (var q = 1; q < n; q++) {
      var a = plan.slots[q - 1], b = plan.slots[q];
      if (!a.quoted && !b.quoted && P.optionalPairs.indexOf(a.word + ' ' + b.word) >= 0) a.optional = b.optional = true;
    }
    if (plan.slots.every(function (s) { return s.optional; })) plan.slots.forEach(function (s) { s.optional = false; });
    [2, 3].forEach(function (len) {
      for (var k = 0; k + len <= n; k++) {
        var run = plan.slots.slice(k, k + len);
        if (run.some(function (s) { return s.quoted || !isLetters(s.word); })) continue;
        var term = run.map(function (s) { return s.word; }).join('');
        if (vocabSet.has(term) && !plan.spans.some(function (sp) { return sp.start === k && sp.len === len && sp.term === term; })) {
          plan.spans.push({ start: k, len: len, term: term, joined: true });
        }
      }
    });
    plan.slots.forEach(function (s, i) {
      if (s.quoted) return;
      var unknown = !vocabSet.has(s.word) && isLetters(s.word), long = s.word.length >= P.minTypoChars;
      // parse.rs: one letter shorter and with a vowel, only the words one letter longer (a letter
      // dropped); short with a vowel and a near word, a typo.
      var vowel = /[aeiouy]/.test(s.word);
      if (unknown && (long || (s.word.length + 1 === P.minTypoChars && vowel))) {
        s.alts = vocab.filter(function (t) {
          return isLetters(t) && (long || t.length === s.word.length + 1) && oneTypo(s.word, t);
        });
      }
      if (unknown && !long && vowel) s.near = vocab.some(function (t) { return isLetters(t) && oneTypo(s.word, t); });
      if (typing && i === last && plan.openEnd && Array.from(s.word).length >= P.minPrefixChars) {
        var pre = [];
        for (var k = 0; k < vocab.length && pre.length < P.maxPrefixes; k++) {
          if (vocab[k] > s.word && vocab[k].indexOf(s.word) === 0) pre.push(vocab[k]);
        }
        pre.forEach(function (t) { if (s.alts.indexOf(t) < 0) s.alts.push(t); });
      }
    });
  }

  function planTerms(plan) {
    var set = new Set();
    plan.slots.forEach(function (s) {
      if (s.optional) return;
      set.add(s.word);
      if (s.exact) set.add(s.exact);
      s.alts.forEach(function (a) { set.add(a); });
    });
    plan.spans.forEach(function (s) { set.add(s.term); });
    return Array.from(set);
  }

  // map = {terms: Map(term → Map(ord → impact value)), pairs: Map("a b" → Set(ord)), records: count}
  // query.rs: inside a span, the span says whether two neighbouring words stand side by side; the pairs
  // of optional words are not fetched.
  function covering(plan, k, joined) {
    return plan.spans.filter(function (s) { return !!s.joined === !!joined && s.start <= k && k + 1 < s.start + s.len; });
  }
  function pairSlots(plan) {
    var out = [];
    for (var k = 0; k + 1 < plan.slots.length; k++) {
      if (!covering(plan, k).length && !plan.slots[k].optional && !plan.slots[k + 1].optional) out.push(k);
    }
    return out;
  }


  function count(map, term) { var p = map.terms.get(term); return p ? p.size : 0; }

  // query.rs information: 8 × log2(records / df) + 8, a piecewise linear log2 in integers.
  function information(df, records) {
    var x = Math.max(256, Math.floor(Math.max(records, 1) * 256 / Math.max(df, 1))), b = 0, p = 1;
    while (p * 2 <= x) { p *= 2; b++; }
    return 8 * (b - 8) + (Math.floor(x / Math.pow(2, b - 3)) - 8) + 8;
  }

  function weights(plan, map) {
    var w = { strict: [], weight: [], uncovered: [] };
    plan.slots.forEach(function (s, i) {
      var strict = !!s.exact && count(map, s.exact) > 0, df = strict ? count(map, s.exact) : count(map, s.word);
      s.alts.forEach(function (t) { df = Math.max(df, count(map, t)); });
      plan.spans.forEach(function (sp) { if (sp.start <= i && i < sp.start + sp.len) df = Math.max(df, count(map, sp.term)); });
      w.strict.push(strict);
      w.weight.push(s.optional || (df === 0 && s.near) ? 0 : information(df, map.records));
      w.uncovered.push(!s.optional && ((df === 0 && !s.near) || (!!s.exact && !strict)));
    });
    // A word the site lacks as typed weighs as much as all the others together (query.rs weights).
    var covered = 0;
    w.weight.forEach(function (x, i) { if (!w.uncovered[i]) covered += x; });
    w.weight.forEach(function (x, i) { if (w.uncovered[i]) w.weight[i] = Math.max(x, covered); });
    return w;
  }

  // The plan over its postings, looked up once: what scoring a record reads (query.rs slot_score,
  // adjacent and score, in that order of operations).
  function prepare(plan, P, map, w) {
    var get = function (t) { return map.terms.get(t) || null; };
    var n = plan.slots.length, adj = [];
    for (var k = 0; k + 1 < n; k++) {
      var cover = covering(plan, k);
      adj.push({
        cover: cover.length ? cover.map(function (sp) { return get(sp.term); }) : null,
        pair: map.pairs.get(plan.slots[k].word + ' ' + plan.slots[k + 1].word) || null,
        join: covering(plan, k, true).map(function (sp) { return get(sp.term); })
      });
    }
    return {
      P: P, w: w, n: n, phrases: plan.phrases, adj: adj, best: new Array(n + 1), held: new Array(n),
      slots: plan.slots.map(function (s, i) {
        return { word: get(s.word), exact: s.exact ? get(s.exact) : null, alts: s.alts.map(get), strict: w.strict[i],
          quoted: s.quoted, optional: s.optional, hasExact: !!s.exact };
      }),
      spansAt: plan.slots.map(function (_, i) {
        return plan.spans.filter(function (sp) { return sp.start === i; }).map(function (sp) { return [sp.len, get(sp.term)]; });
      })
    };
  }
  function at(m, doc) { var v = m && m.get(doc); return v || 0; }
  function has(list, doc) { return list.some(function (m) { return at(m, doc) > 0; }); }

  function slotScore(s, doc) {
    var alt = 0;
    for (var i = 0; i < s.alts.length; i++) alt = Math.max(alt, at(s.alts[i], doc));
    var base = Math.max(at(s.word, doc), Math.floor(alt / 2));
    if (base === 0) return 0;
    if (!s.hasExact) return base;
    var bonus = at(s.exact, doc);
    return (s.quoted || s.strict) && bonus === 0 ? 0 : base + bonus;
  }

  function near(c, k, doc) {
    var a = c.adj[k];
    if (a.cover) return has(a.cover, doc);
    return (!!a.pair && a.pair.has(doc)) || has(a.join, doc);
  }

  // query.rs score: [score, missing content slots], or null when the record is no hit.
  function score(c, doc) {
    var n = c.n, best = c.best, held = c.held;
    best[n] = 0;
    for (var i = n - 1; i >= 0; i--) {
      held[i] = false;
      var s = slotScore(c.slots[i], doc), b = best[i + 1] + s, spans = c.spansAt[i];
      if (s > 0) held[i] = true;
      for (var q = 0; q < spans.length; q++) {
        var v = at(spans[q][1], doc);
        if (v > 0) {
          for (var h = i; h < i + spans[q][0]; h++) held[h] = true;
          b = Math.max(b, best[i + spans[q][0]] + v);
        }
      }
      best[i] = b;
    }
    var total = 0, kept = 0, lacked = 0, missing = [];
    for (var j = 0; j < n; j++) {
      if (c.slots[j].quoted && !held[j]) return null;
      total += c.w.weight[j];
      if (held[j] && c.w.uncovered[j]) lacked += c.w.weight[j];
      else if (held[j]) kept += c.w.weight[j];
      else if (!c.slots[j].optional) missing.push(j);
    }
    if (!missing.length) kept += lacked;
    if (kept === 0 || (missing.length && kept * 1000 <= total * c.P.holdPerMille)) return null;
    // Quoted phrases: every two neighbouring words adjacent (query.rs documents the approximation).
    for (var r = 0; r < c.phrases.length; r++) {
      for (var k = c.phrases[r][0]; k + 1 < c.phrases[r][1]; k++) if (!near(c, k, doc)) return null;
    }
    var bonus = 0;
    for (var m = 0; m + 1 < n; m++) if (near(c, m, doc)) bonus += c.P.proximity;
    return [best[0] + bonus, missing];
  }

  function candidateTerms(plan, P, w) {
    var total = w.weight.reduce(function (a, b) { return a + b; }, 0), rest = total, out = [];
    var order = plan.slots.map(function (_, i) { return i; }).filter(function (i) { return !plan.slots[i].optional; });
    order.sort(function (a, b) { return w.weight[b] - w.weight[a] || a - b; });
    for (var k = 0; k < order.length; k++) {
      if (rest * 1000 <= total * P.holdPerMille) break;
      var i = order[k], s = plan.slots[i];
      rest -= w.weight[i];
      out.push(s.word);
      out.push.apply(out, s.alts);
      plan.spans.forEach(function (sp) { if (sp.start <= i && i < sp.start + sp.len) out.push(sp.term); });
    }
    return out;
  }

  // Hits as [ord, score, missing slots]: fewest missing first, then best score, then smaller ord.
  function evaluate(plan, P, map) {
    if (!plan.slots.length) return [];
    var w = weights(plan, map), cands = new Set();
    candidateTerms(plan, P, w).forEach(function (t) {
      var p = map.terms.get(t);
      if (p) p.forEach(function (_, d) { cands.add(d); });
    });
    var out = [], c = prepare(plan, P, map, w);
    cands.forEach(function (d) {
      var s = score(c, d);
      if (s !== null) out.push([d, s[0], s[1]]);
    });
    return out.sort(function (a, b) { return a[2].length - b[2].length || b[1] - a[1] || a[0] - b[0]; });
  }


  // excerpt.rs
  function excerpt(an, P, plan, rec) {
    var terms = new Set(), exact = new Map();
    plan.slots.forEach(function (s) {
      if (s.optional) return;
      terms.add(s.word);
      s.alts.forEach(function (a) { terms.add(a); });
      if (s.exact) exact.set(s.word, s.exact);
    });
    plan.spans.forEach(function (s) { terms.add(s.term); });
    var text = rec.text || '';
    return windowed(P, text, matches(an, text, terms, exact));
  }

  // excerpt.rs: a word typed with diacritics marks its own spelling, or its others when the text lacks it.
  function matches(an, text, terms, exact) {
    var toks = an.tokens(text), typed = new Set(), found = [];
    toks.forEach(function (t, i) {
      if (t.cls === 'exact' || !terms.has(t.text)) return;
      var asTyped = false;
      if (t.cls === 'word' && exact.has(t.text)) {
        for (var k = i + 1; k < toks.length && toks[k].pos === t.pos; k++) {
          if (toks[k].cls === 'exact') { asTyped = toks[k].text === exact.get(t.text); break; }
        }
      }
      if (asTyped) typed.add(t.text);
      found.push([t.from, t.to, t.text, asTyped]);
    });
    var r = found.filter(function (f) { return f[3] || !typed.has(f[2]); }).map(function (f) { return [f[0], f[1]]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    r.forEach(function (x) {
      var l = merged[merged.length - 1];
      if (l && x[0] <= l[1]) l[1] = Math.max(l[1], x[1]); else merged.push([x[0], x[1]]);
    });
    return merged;
  }

  function windowed(P, text, ranges) {
    var first = ranges.length ? ranges[0][0] : 0, start = Math.max(0, first - P.lead);
    if (start > 0) while (start < first && !/\s/.test(text[start - 1])) start++;
    var end = Math.min(text.length, start + P.window);
    if (end < text.length) {
      var e = end;
      while (e > first + 1 && !/\s/.test(text[e])) e--;
      if (e > start) end = e;
    }
    var lead = start > 0 ? 1 : 0, body = text.slice(start, end).replace(/\s+$/, '');
    var out = (lead ? '\u2026' : '') + body + (end < text.length ? '\u2026' : '');
    var max = lead + body.length;
    return {
      text: out,
      highlights: ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
        .map(function (r) { return [r[0] - start + lead, Math.min(r[1] - start + lead, max)]; })
    };
  }

  var api = {
    parse: parse, display: display, rewrite: rewrite, resolve: resolve, oneTypo: oneTypo, isLetters: isLetters,
    planTerms: planTerms, pairSlots: pairSlots, information: information, evaluate: evaluate, count: count,
    excerpt: excerpt, windowed: windowed
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ThiduaQuery = api;
})(typeof self !== 'undefined' ? self : this);
