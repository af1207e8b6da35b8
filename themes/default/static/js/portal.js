// Reading aids of the portal: print, text size (A−/A+, remembered on this
// device), read-aloud in a Vietnamese voice of the device, the list of pages
// saved for offline reading, and the registration of the service worker
// (sw.js) that saves them. Nothing here is needed to read a page: the
// controls stay invisible until this script has made them work, and
// read-aloud shows only when the device has a Vietnamese voice.
(function () {
  'use strict';
  var root = document.documentElement;
  var script = document.currentScript;
  var base = (script && script.getAttribute('data-base')) || '/';
  var SIZE_KEY = 'thidua-co-chu';
  var PAGES = 'thidua-pages-v1';

  function savedSize() {
    try {
      var v = Number(localStorage.getItem(SIZE_KEY));
      return v >= -1 && v <= 3 ? Math.round(v) : 0;
    } catch (e) {
      return 0;
    }
  }

  function applySize(v) {
    for (var s = -1; s <= 3; s++) root.classList.remove('fs-' + s);
    if (v) root.classList.add('fs-' + v);
  }

  applySize(savedSize());

  function textSize() {
    var groups = document.querySelectorAll('[data-tool="size"]');
    for (var i = 0; i < groups.length; i++) {
      groups[i].addEventListener('click', function (e) {
        var b = e.target.closest('[data-size]');
        if (!b) return;
        var v = Math.max(-1, Math.min(3, savedSize() + Number(b.getAttribute('data-size'))));
        try {
          localStorage.setItem(SIZE_KEY, String(v));
        } catch (err) {
          /* private mode: the size holds for this page only */
        }
        applySize(v);
      });
    }
  }

  function printing() {
    var buttons = document.querySelectorAll('[data-tool="print"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  }

  // A Vietnamese voice that runs on the device: a network voice would send
  // the text to an outside service, so only local voices count.
  function vietnameseVoice() {
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var v = voices[i];
      if (/^vi([-_]vn)?$/i.test(v.lang) && v.localService !== false) return v;
    }
    return null;
  }

  // The article's text in pieces of at most ~220 characters, cut at sentence
  // ends: long utterances stop half way in some browsers.
  function pieces(article) {
    var title = document.querySelector('main h1');
    var text = (title ? title.textContent + '.\n' : '') + article.innerText;
    var out = [];
    text.split(/\n+/).forEach(function (line) {
      line = line.trim();
      while (line.length > 220) {
        var cut = line.lastIndexOf('. ', 220);
        if (cut < 80) cut = line.lastIndexOf(' ', 220);
        if (cut < 1) cut = 220;
        out.push(line.slice(0, cut + 1));
        line = line.slice(cut + 1).trim();
      }
      if (line) out.push(line);
    });
    return out;
  }

  function readAloud() {
    var group = document.querySelector('.listen');
    var article = document.getElementById('bai-viet');
    if (!group || !article || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return;
    var synth = window.speechSynthesis;
    var play = group.querySelector('[data-listen="play"]');
    var stop = group.querySelector('[data-listen="stop"]');
    var state = 'idle';
    function show() {
      group.hidden = !vietnameseVoice();
      if (group.hidden && state !== 'idle') halt();
    }
    function label() {
      play.textContent = state === 'speaking' ? 'Tạm dừng' : state === 'paused' ? 'Nghe tiếp' : 'Nghe';
      play.setAttribute('aria-pressed', String(state === 'speaking'));
      stop.hidden = state === 'idle';
    }
    function halt() {
      state = 'idle';
      synth.cancel();
      label();
    }
    show();
    synth.addEventListener('voiceschanged', show);
    play.addEventListener('click', function () {
      if (state === 'speaking') {
        synth.pause();
        state = 'paused';
      } else if (state === 'paused') {
        synth.resume();
        state = 'speaking';
      } else {
        var voice = vietnameseVoice();
        if (!voice) return;
        synth.cancel();
        var list = pieces(article);
        list.forEach(function (t, i) {
          var u = new SpeechSynthesisUtterance(t);
          u.voice = voice;
          u.lang = voice.lang;
          u.rate = 0.95;
          if (i === list.length - 1) {
            u.onend = function () {
              state = 'idle';
              label();
            };
          }
          synth.speak(u);
        });
        state = 'speaking';
      }
      label();
    });
    stop.addEventListener('click', function () {
      halt();
      play.focus();
    });
    window.addEventListener('pagehide', function () {
      synth.cancel();
    });
  }

  // The offline page lists the pages the service worker saved, by title.
  function savedPages() {
    var box = document.getElementById('saved-pages');
    if (!box || !window.caches) return;
    caches
      .open(PAGES)
      .then(function (cache) {
        return cache.keys().then(function (keys) {
          return Promise.all(
            keys.reverse().map(function (req) {
              return cache.match(req).then(function (res) {
                return res.text().then(function (html) {
                  var m = /<title>([^<]*)<\/title>/.exec(html);
                  var title = m ? new DOMParser().parseFromString(m[1], 'text/html').documentElement.textContent : '';
                  return { url: new URL(req.url).pathname, title: title };
                });
              });
            }),
          );
        });
      })
      .then(function (items) {
        items = items.filter(function (it) {
          return it.url !== base + 'ngoai-tuyen/';
        });
        box.textContent = '';
        if (!items.length) {
          var p = document.createElement('p');
          p.textContent = box.getAttribute('data-empty');
          box.appendChild(p);
          return;
        }
        var intro = document.createElement('p');
        intro.textContent = items.length + ' trang đã lưu trên thiết bị này, mới nhất trước:';
        var ul = document.createElement('ul');
        items.forEach(function (it) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = it.url;
          a.textContent = it.title || it.url;
          li.appendChild(a);
          ul.appendChild(li);
        });
        box.appendChild(intro);
        box.appendChild(ul);
      })
      .catch(function () {
        /* no storage: the explanation already on the page stays */
      });
  }

  function start() {
    printing();
    textSize();
    readAloud();
    savedPages();
    root.classList.add('js-ready');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register(base + 'sw.js', { scope: base }).catch(function () {
        /* no worker: pages work as before, only not offline */
      });
    });
  }
})();
