/* thidua search engine: plain JavaScript, no dependencies, no DOM.
 *
 * The analyzer, query parsing and scoring mirror src/search/analyzer and
 * src/search/query line for line, reading the analyzer's tables and the
 * integer impacts from the static index, so it gives the same answers as
 * `thidua search`. The same file runs in Node (module.exports) for the
 * conformance test and in the browser (the global ThiduaSearch), where
 * search.js, the page, drives it.
 */
(function (root) {
  'use strict';

  var EXACT = '=';
  var APOS = '\'\u2019\u02bc\u2018`\u00b4';
  var DASHES = '\u2010\u2011\u2013\u2014';
  var WORD_RE = /[\p{L}\p{N}\p{M}]/u;
  var ALNUM_RE = /^[\p{L}\p{N}]+$/u;
  var ALPHA_RE = /\p{Alphabetic}/u;
  var MARK_RE = /\p{M}/gu;

  function isWordChar(c) { return WORD_RE.test(c); }
  function isApostrophe(c) { return APOS.indexOf(c) >= 0; }
  function isGlue(c) { return '/-.,'.indexOf(c) >= 0 || DASHES.indexOf(c) >= 0 || isApostrophe(c); }
  function isDigit(c) { return c >= '0' && c <= '9'; }
  function isAlpha(c) { return c !== undefined && ALPHA_RE.test(c); }

  // ---- analyzer (src/search/analyzer) ------------------------------------

  function Analyzer(tables) {
    this.t = tables;
    this.rows = tables.tones.map(function (r) { return Array.from(r); });
    this.extra = {};
    var self = this;
    tables.fold.forEach(function (p) { self.extra[p[0]] = p[1]; });
    this.nums = {};
    tables.numbers.forEach(function (n) { self.nums[n[0]] = [n[1], n[2]]; });
    this.gloss = {};
    tables.glossary.forEach(function (e) {
      (self.gloss[e[0][0]] = self.gloss[e[0][0]] || []).push(e);
    });
  }

  // chunk.rs: runs of word characters with inner glue, as UTF-16 ranges.
  Analyzer.prototype.chunks = function (text) {
    var out = [], start = -1, lastEnd = 0, i = 0;
    while (i < text.length) {
      var c = String.fromCodePoint(text.codePointAt(i));
      if (isWordChar(c)) {
        if (start < 0) start = i;
        lastEnd = i + c.length;
      } else if (!(isGlue(c) && start >= 0) && start >= 0) {
        out.push([start, lastEnd]);
        start = -1;
      }
      i += c.length;
    }
    if (start >= 0) out.push([start, lastEnd]);
    return out;
  };

  // normalize.rs
  Analyzer.prototype.normalize = function (s) {
    var out = '';
    Array.from(s.normalize('NFC')).forEach(function (c) {
      if (c === '\u00d0' || c === '\u00f0' || c === '\u0110') out += '\u0111';
      else if (isApostrophe(c)) out += '\'';
      else if (DASHES.indexOf(c) >= 0) out += '-';
      else out += c.toLowerCase();
    });
    return out;
  };

  // docnum.rs
  function docParts(s) {
    var k = s.indexOf('/');
    if (k < 0) return null;
    var head = s.slice(0, k), rest = s.slice(k + 1);
    if (!/^[0-9]+$/.test(head)) return null;
    var out = [head], codes = rest, k2 = rest.indexOf('/');
    if (k2 >= 0) {
      var year = rest.slice(0, k2);
      if (/^[0-9]{4}$/.test(year)) { out.push(year); codes = rest.slice(k2 + 1); }
    }
    var hasLetter = false, parts = codes.split('-');
    for (var i = 0; i < parts.length; i++) {
      if (!ALNUM_RE.test(parts[i])) return null;
      if (/\p{Alphabetic}/u.test(parts[i])) hasLetter = true;
      out.push(parts[i]);
    }
    return hasLetter ? out : null;
  }

  // split.rs: words of a normalised chunk as [from, to, text].
  function words(chunk) {
    var chars = [], i = 0;
    while (i < chunk.length) {
      var c = String.fromCodePoint(chunk.codePointAt(i));
      chars.push([i, c]);
      i += c.length;
    }
    var out = [], word = '', last = '', start = 0;
    function flush(end) { if (word) { out.push([start, end, word]); word = ''; last = ''; } }
    for (var k = 0; k < chars.length; k++) {
      var c2 = chars[k][1], next = chars[k + 1] ? chars[k + 1][1] : undefined;
      if (isWordChar(c2)) {
        if (!word) start = chars[k][0];
        word += c2; last = c2;
      } else if (c2 === '\'' && word && isAlpha(last) && isAlpha(next)) {
        continue;
      } else if ((c2 === '.' || c2 === ',') && word && isDigit(last) && next !== undefined && isDigit(next)) {
        var d = 0;
        while (chars[k + 1 + d] && isDigit(chars[k + 1 + d][1])) d++;
        if (d !== 3) { word += ','; last = ','; }
      } else {
        flush(chars[k][0]);
      }
    }
    flush(chunk.length);
    return out;
  }

  // tone.rs
  Analyzer.prototype.splitTone = function (c) {
    for (var r = 0; r < this.rows.length; r++) {
      var i = this.rows[r].indexOf(c);
      if (i >= 0) return [this.rows[r][0], i];
    }
    return [c, 0];
  };
  Analyzer.prototype.isVowel = function (c) {
    return this.rows.some(function (r) { return r[0] === c; });
  };
  Analyzer.prototype.toneIndex = function (b) {
    var self = this, start = -1;
    for (var i = 0; i < b.length; i++) if (this.isVowel(b[i])) { start = i; break; }
    if (start < 0) return -1;
    function vowelAfter(i) { return i + 1 < b.length && self.isVowel(b[i + 1]); }
    if (start > 0 && b[start - 1] === 'q' && b[start] === 'u' && vowelAfter(start)) start++;
    else if (start === 1 && b[0] === 'g' && b[1] === 'i' && vowelAfter(start)) start++;
    var end = start;
    while (end < b.length && this.isVowel(b[end])) end++;
    var nucleus = b.slice(start, end), marked = -1;
    nucleus.forEach(function (c, k) { if (self.t.marked.indexOf(c) >= 0) marked = k; });
    var off;
    if (marked >= 0) off = marked;
    else if (nucleus.length === 1) off = 0;
    else if (nucleus.length >= 3) off = 1;
    else if (end < b.length) off = 1;
    else off = this.t.second.indexOf(nucleus.join('')) >= 0 ? 1 : 0;
    return start + off;
  };
  Analyzer.prototype.canonical = function (word) {
    var self = this, split = Array.from(word).map(function (c) { return self.splitTone(c); });
    var toned = [], alpha = true;
    split.forEach(function (p, i) { if (p[1] > 0) toned.push(i); if (!isAlpha(p[0])) alpha = false; });
    if (toned.length !== 1 || !alpha) return word;
    var tone = split[toned[0]][1], bases = split.map(function (p) { return p[0]; });
    var target = this.toneIndex(bases);
    if (target < 0) return word;
    return bases.map(function (c, i) {
      if (i !== target) return c;
      var row = self.rows.filter(function (r) { return r[0] === c; })[0];
      return row ? row[tone] : c;
    }).join('');
  };

  // fold.rs
  Analyzer.prototype.fold = function (s) {
    var extra = this.extra;
    return Array.from(s.normalize('NFD').replace(MARK_RE, '')).map(function (c) {
      return extra[c] || c;
    }).join('');
  };

  // The whole chain; tokens are {text, pos, len, from, to}.
  Analyzer.prototype.tokens = function (text, noGlossary) {
    var self = this, toks = [], next = 0;
    this.chunks(text).forEach(function (r) {
      var norm = self.normalize(text.slice(r[0], r[1]));
      var start = next, ws = words(norm);
      ws.forEach(function (w) {
        toks.push({ text: w[2], pos: next++, len: 1, from: Math.min(r[0] + w[0], r[1]), to: Math.min(r[0] + w[1], r[1]) });
      });
      var parts = docParts(norm);
      if (parts) toks.push({ text: norm, pos: start, len: Math.max(ws.length, 1), from: r[0], to: r[1] });
    });
    var out = [];
    toks.forEach(function (t) {
      if (t.len === 1) t.text = self.canonical(t.text);
      var folded = self.fold(t.text);
      if (t.len > 1 || folded === t.text) { out.push(Object.assign({}, t, { text: folded })); return; }
      out.push(Object.assign({}, t, { text: folded }));
      out.push(Object.assign({}, t, { text: EXACT + t.text }));
    });
    out = this.numbers(out);
    if (!noGlossary) out = this.glossary(out);
    classify(out);
    return out;
  };

  // numbers.rs: a run of number words adds its value in digits as a span.
  Analyzer.prototype.role = function (w) {
    if (/^[0-9]{1,4}$/.test(w)) { var v = Number(w); return v > 0 ? ['n', v] : null; }
    return Object.prototype.hasOwnProperty.call(this.nums, w) ? this.nums[w] : null;
  };
  Analyzer.prototype.readNumber = function (words) {
    var total = 0, group = 0, unit = null, afterTen = false, afterZero = false, best = null;
    for (var i = 0; i < words.length; i++) {
      var r = this.role(words[i]);
      if (!r) break;
      var role = r[0], v = r[1], nx = i + 1 < words.length ? this.role(words[i + 1]) : null;
      var small = unit !== null && unit < 10, ok;
      if (role === 'n') ok = i === 0 && !!nx && nx[0] === 's';
      else if (role === 'd') ok = unit === null;
      else if (role === 'D') ok = unit === null && afterTen;
      else if (role === 't') ok = unit === null && group % 100 === 0 && !afterTen;
      else if (role === 'x') ok = small && group % 100 === 0;
      else if (role === 'h') ok = small && group === 0;
      else if (role === 'z') ok = unit === null && group > 0 && group % 100 === 0;
      else ok = unit !== null || group > 0;
      if (!ok) break;
      if (role === 'n' || role === 'd' || role === 'D') unit = v;
      else if (role === 't') group += v;
      else if (role === 'x' || role === 'h') { group += (unit || 0) * v; unit = null; }
      else if (role === 's') { total += (group + (unit || 0)) * v; group = 0; unit = null; }
      if (role !== 'z' && role !== 'n' && (words[i] !== 'n\u0103m' || afterZero)) best = [total + group + (unit || 0), i + 1];
      afterTen = role === 't' || role === 'x';
      afterZero = role === 'z';
    }
    if (!best || best[0] <= 0) return null;
    if (best[1] === 1 && this.t.not_alone.indexOf(words[0]) >= 0) return null;
    return best;
  };
  Analyzer.prototype.numbers = function (toks) {
    classify(toks);
    var words = [], spans = [], k = 0;
    toks.forEach(function (t, i) {
      if (t.cls === 'word') words.push([i, t.text]);
      else if (t.cls === 'exact' && words.length) words[words.length - 1][1] = t.text.slice(1);
    });
    while (k < words.length) {
      var run = [words[k][1]], p0 = toks[words[k][0]].pos;
      while (k + run.length < words.length && toks[words[k + run.length][0]].pos === p0 + run.length) run.push(words[k + run.length][1]);
      var r = this.readNumber(run);
      if (r) {
        var first = toks[words[k][0]], last = toks[words[k + r[1] - 1][0]];
        spans.push({ text: String(r[0]), pos: first.pos, len: r[1], from: first.from, to: last.to });
        k += r[1];
      } else k++;
    }
    if (!spans.length) return toks;
    return toks.concat(spans).sort(function (a, b) { return a.pos - b.pos; });
  };

  // decode.rs: Telex / VNI typed without the input method (`nguwowif` → `người`), or null.
  var VOWELS = 'a\u0103\u00e2e\u00eaio\u00f4\u01a1u\u01b0y';
  var MARKS = { 'a^': '\u00e2', 'e^': '\u00ea', 'o^': '\u00f4', 'o+': '\u01a1', 'u+': '\u01b0', 'a(': '\u0103' };
  function isV(c) { return c !== undefined && c.length === 1 && VOWELS.indexOf(c) >= 0; }
  function applyMark(out, m) {
    if (m === '-') { if (out[0] === 'd') { out[0] = '\u0111'; return true; } return false; }
    for (var k = out.length - 1; k >= 0; k--) {
      if (!MARKS[out[k] + m]) continue;
      if (m === '+' && out[k] === 'o' && k > 0 && out[k - 1] === 'u') out[k - 1] = '\u01b0';
      out[k] = MARKS[out[k] + m];
      return true;
    }
    return false;
  }
  function telexKey(c, out, seen) {
    if ('sfrxj'.indexOf(c) >= 0 && seen) return ['t', { f: 1, s: 2, r: 3, x: 4, j: 5 }[c]];
    if (c === 'f' || c === 'j') return ['t', 0];
    if (c === 'w') return ['m', out[out.length - 1] === 'a' ? '(' : '+'];
    if (c === 'd' && out.length === 1 && out[0] === 'd') return ['m', '-'];
    if ('aeo'.indexOf(c) >= 0 && seen) {
      for (var k = out.length - 1; k >= 0; k--) if (isV(out[k])) return out[k] === c ? ['m', '^'] : null;
    }
    return null;
  }
  function vniKey(c) {
    var k = '123456789'.indexOf(c);
    return k < 0 ? null : [['t', 2], ['t', 1], ['t', 3], ['t', 4], ['t', 5], ['m', '^'], ['m', '+'], ['m', '('], ['m', '-']][k];
  }
  // decode.rs is_syllable: consonants, one to three vowels, at most two final consonants.
  Analyzer.prototype.isSyllable = function (s) {
    var self = this, cs = Array.from(s), vowel = function (c) { return isV(self.splitTone(c)[0]); }, on = 0, n = 0;
    while (on < cs.length && !vowel(cs[on])) on++;
    while (on + n < cs.length && vowel(cs[on + n])) n++;
    var tail = cs.slice(on + n), onsetOk = cs.slice(0, on).every(function (c) { return 'bcd\u0111ghklmnpqrstvx'.indexOf(c) >= 0; });
    return onsetOk && n >= 1 && n <= 3 && tail.length <= 2 && tail.every(function (c) { return 'cghklmnpt'.indexOf(c) >= 0; });
  };
  Analyzer.prototype.decode = function (word) {
    var self = this, chars = Array.from(word);
    var allowed = function (c) { return /^[a-z0-9\u0111]$/.test(c) || isV(self.splitTone(c)[0]); };
    if (chars.length < 2 || !chars.every(allowed)) return null;
    var vni = chars.some(isDigit);
    if (vni && (isDigit(chars[0]) || chars.indexOf('0') >= 0)) return null;
    var out = [], tone = 0, changed = false;
    for (var i = 0; i < chars.length; i++) {
      var st = this.splitTone(chars[i]), c = st[0];
      if (st[1] > 0) tone = st[1];
      var seen = out.some(isV), key = vni ? vniKey(c) : telexKey(c, out, seen);
      if (key === null) { out.push(c); continue; }
      if (key[0] === 't') {
        if (!seen) return null;
        tone = key[1];
      } else if (!applyMark(out, key[1])) {
        if (key[1] === '+' && !vni) out.push('\u01b0'); else return null;
      }
      changed = true;
    }
    if (!changed || !this.isSyllable(out.join(''))) return null;
    if (tone === 0) return out.join('');
    var at = out.findIndex(isV), row = this.rows.filter(function (r) { return r[0] === out[at]; })[0];
    if (!row) return null;
    out[at] = row[tone];
    return this.canonical(out.join(''));
  };

  function classify(toks) {
    var lastPos = -1;
    toks.forEach(function (t) {
      if (t.text.charAt(0) === EXACT) t.cls = 'exact';
      else if (t.pos !== lastPos) { lastPos = t.pos; t.cls = 'word'; }
      else t.cls = 'span';
    });
    return toks;
  }

  // glossary.rs
  Analyzer.prototype.glossary = function (toks) {
    var ws = classify(toks).filter(function (t) { return t.cls === 'word'; }), spans = [], gloss = this.gloss;
    ws.forEach(function (first, i) {
      var cands = Object.prototype.hasOwnProperty.call(gloss, first.text) ? gloss[first.text] : null;
      if (!cands) return;
      var names = [];
      cands.forEach(function (e) {
        var seq = e[0], name = e[1];
        if (i + seq.length > ws.length) return;
        for (var k = 0; k < seq.length; k++) {
          if (ws[i + k].pos !== first.pos + k || ws[i + k].text !== seq[k]) return;
        }
        if (names.indexOf(name) >= 0) return;
        names.push(name);
        spans.push({ text: name, pos: first.pos, len: seq.length, from: first.from, to: ws[i + seq.length - 1].to });
      });
    });
    return toks.concat(spans).sort(function (a, b) { return a.pos - b.pos; });
  };

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

  // query.rs rewrite: words the vocabulary lacks, decoded (Telex, VNI) or split in two vocabulary words.
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
    for (var i = 1; i < w.length; i++) if (index.has(w.slice(0, i)) && index.has(w.slice(i))) return w.slice(0, i) + ' ' + w.slice(i);
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
      if (!vocabSet.has(s.word) && isLetters(s.word) && s.word.length >= P.minTypoChars) {
        s.alts = vocab.filter(function (t) { return isLetters(t) && oneTypo(s.word, t); });
      } else if (!vocabSet.has(s.word) && isLetters(s.word)) {
        s.near = vocab.some(function (t) { return isLetters(t) && oneTypo(s.word, t); });
      }
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
      w.weight.push(s.optional ? 0 : information(df, map.records));
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

  // export.rs: postings are a string: records as gaps ('A' = 0, count, first, differences) or a
  // bitset ('B' = 1, first, digit count, digits of 6 bits); numbers are base64 digits of 5 bits
  // with a "more" bit. Then (words and spans) the levels as characters U+0100 + level.
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
  // Levels: one for all; or two (low, high) then the places of the high ones (ASCII); or one a record.
  function decode(str, levels) {
    var r = records(str, 0), docs = r[0], i = r[1];
    if (!levels) return new Set(docs);
    var m = new Map(), rest = str.length - i, lv = function (k) { return levels[str.charCodeAt(k) - 0x100]; };
    if (rest >= 3 && str.charCodeAt(i + 2) < 0x100) {
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
      return self.file(numbered('d', st.files, Math.floor(ord / st.chunk), self.P.group)).then(function (chunk) {
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

  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ThiduaSearch = api;
})(typeof self !== 'undefined' ? self : this);
