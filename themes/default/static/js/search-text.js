/* thidua search, the analyzer: plain JavaScript, no dependencies, no DOM.
 *
 * Mirrors src/search/analyzer line for line (chunks, normalisation, words,
 * tones, folding, number words, Telex/VNI decoding, the glossary), reading its
 * tables from the static index, so a query is cut into the same terms as by
 * `thidua search`. Runs in Node (module.exports) for the conformance test and
 * in the browser as the global ThiduaText, used by search-engine.js.
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
      } else if (c === '%' && start >= 0 && lastEnd === i && isDigit(text[i - 1])) {
        lastEnd = i + 1;
      } else if (!(isGlue(c) && start >= 0) && start >= 0) {
        out.push([start, lastEnd]);
        start = -1;
      } else if (c === '%' && start < 0) {
        var j = i;
        while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0')) j--;
        if (j > 0 && isDigit(text[j - 1])) out.push([i, i + 1]);
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
    if (chunk === '%') return [[0, 1, 'phần'], [0, 1, 'trăm']];
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
      } else if (c2 === '%' && word && isDigit(last)) {
        var at = chars[k][0];
        flush(at);
        out.push([at, at + 1, 'phần'], [at, at + 1, 'trăm']);
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

  var api = { Analyzer: Analyzer, EXACT: EXACT };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ThiduaText = api;
})(typeof self !== 'undefined' ? self : this);
