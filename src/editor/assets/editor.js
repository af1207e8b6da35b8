// The editor's helpers: Markdown toolbar, live preview, picker search and
// dropping Word files to import. Every form works without this script.
'use strict';
(function () {
  const body = document.getElementById('f-body');
  const lang = document.documentElement.lang;
  const L = lang === 'en'
    ? { h: 'Heading', b: 'Bold', ul: 'List', a: 'Link', img: 'Image', tbl: 'Table', text: 'text', url: 'address' }
    : { h: 'Tiêu đề mục', b: 'Chữ đậm', ul: 'Danh sách', a: 'Liên kết', img: 'Ảnh', tbl: 'Bảng', text: 'chữ', url: 'địa chỉ' };

  function wrap(before, after, placeholder) {
    const s = body.selectionStart, e = body.selectionEnd;
    const chosen = body.value.slice(s, e) || placeholder;
    body.setRangeText(before + chosen + after, s, e, 'end');
    body.focus();
    body.dispatchEvent(new Event('input'));
  }
  function line(prefix) {
    const s = body.selectionStart;
    const start = body.value.lastIndexOf('\n', s - 1) + 1;
    body.setRangeText(prefix, start, start, 'end');
    body.focus();
    body.dispatchEvent(new Event('input'));
  }
  if (body) {
    const bar = document.querySelector('.toolbar');
    const tools = [
      [L.h, () => line('## ')],
      [L.b, () => wrap('**', '**', L.text)],
      [L.ul, () => line('- ')],
      [L.a, () => wrap('[', '](https://)', L.text)],
      [L.img, () => wrap('![', '](anh.jpg)', L.text)],
      [L.tbl, () => wrap('\n| Cột 1 | Cột 2 |\n|---|---|\n| ', ' |  |\n', L.text)],
    ];
    for (const [label, act] of tools) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', act);
      bar.appendChild(b);
    }
    bar.hidden = false;

    const out = document.getElementById(body.dataset.preview);
    let timer = null, seq = 0;
    async function refresh() {
      const mine = ++seq;
      const res = await fetch('/__thidua/editor/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ body: body.value, base: body.dataset.base || '' }),
        credentials: 'same-origin',
      });
      if (res.ok && mine === seq) out.innerHTML = await res.text();
    }
    body.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    refresh();
  }

  for (const f of document.querySelectorAll('input[data-filter]')) {
    const list = document.getElementById('picker-' + f.dataset.filter);
    const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    f.addEventListener('input', () => {
      const q = fold(f.value.trim());
      for (const li of list.children) li.hidden = q !== '' && !fold(li.textContent).includes(q);
    });
  }

  const drop = document.querySelector('form[data-drop]');
  if (drop) {
    const input = drop.querySelector('input[type=file]');
    document.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
    document.addEventListener('dragleave', () => drop.classList.remove('over'));
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
      input.files = e.dataTransfer.files;
      drop.requestSubmit();
    });
  }
})();
