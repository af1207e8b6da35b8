// thidua serve: reloads the page when the site is rebuilt and shows build
// errors in an overlay. Injected by `thidua serve` only, never by `build`.
(function () {
  'use strict';
  var overlay = null;
  function clear() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(errors) {
    clear();
    if (!errors.length) return;
    overlay = document.createElement('section');
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-label', 'Lỗi nội dung');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;' +
      'font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:1.5rem';
    var h = document.createElement('h2');
    h.textContent = 'Nội dung có ' + errors.length + ' lỗi — trang đang hiển thị bản dựng tốt gần nhất';
    h.style.cssText = 'font:600 1.2rem system-ui,sans-serif;color:#ffb4a8;margin:0 0 1rem';
    overlay.appendChild(h);
    errors.forEach(function (e) {
      var pre = document.createElement('pre');
      pre.style.cssText = 'white-space:pre-wrap;margin:0 0 1rem;padding:.8rem;background:#2a2a2a;border-left:4px solid #e0685c';
      pre.textContent = e.text;
      overlay.appendChild(pre);
    });
    document.body.appendChild(overlay);
  }
  function check() {
    fetch('/__thidua/errors', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {});
  }
  var source = new EventSource('/__thidua/events');
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('errors', check);
  check();
})();
