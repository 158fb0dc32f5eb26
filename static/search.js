// minhbach search: searches the static index of the site (tim-kiem/chi-muc/) as you type.
// No framework, no request outside the site. The page works without it: the form stays hidden
// and the A–Z lists below reach every unit, plan and target.
//
// fold() must stay the same as `search::fold` in src/search.rs: both are checked against
// tests/search-folding.json.
(function () {
  'use strict';

  /** Lower case, without tone marks or other diacritics, đ as d, words of a-z0-9 joined by one space. */
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd')
      .split(/[^a-z0-9]+/).filter(Boolean).join(' ');
  }
  window.minhbachFold = fold;

  var form = document.getElementById('tim-kiem');
  if (!form || !window.fetch || !window.URL) return;
  var input = document.getElementById('tu-khoa');
  var status = document.getElementById('tim-kiem-so');
  var list = document.getElementById('tim-kiem-ket-qua');
  var d = form.dataset;
  var root = new URL(d.root, location.href);
  var base = new URL(d.index, root);
  // The index is shared by both languages: its entries link from the site root and name kinds
  // by number and code. The page gives the words and where its language's pages are (en/).
  var pages = new URL(d.pages || d.root, location.href);
  var kinds = JSON.parse(d.kinds);
  var unitKinds = JSON.parse(d.unitKinds);
  var planKinds = JSON.parse(d.planKinds);
  var PAGE = 20;
  var files = {};
  var seq = 0;
  var hits = [];
  var shown = 0;

  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.textContent = d.more;
  more.hidden = true;
  list.after(more);
  form.hidden = false;

  function get(name) {
    if (!files[name]) {
      files[name] = fetch(new URL(name, base)).then(function (r) {
        if (!r.ok) throw new Error(name + ': ' + r.status);
        return r.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }

  /** The shards that can hold `word` (keys that begin it) and, when `prefix`, the words that begin with it. */
  function keysFor(m, word, prefix) {
    return m.shards.filter(function (k) {
      return word.lastIndexOf(k, 0) === 0 || (prefix && k.lastIndexOf(word, 0) === 0);
    });
  }

  /** The entries containing `word` (every word that starts with it, when `prefix`), ascending. */
  function postings(shards, word, prefix) {
    var ids = [];
    // Gaps from the previous entry; -k: the next k entries, one after another (src/search.rs).
    function add(list) {
      var id = 0;
      for (var i = 0; i < list.length; i++) {
        var v = list[i];
        if (v < 0) for (var k = 0; k < -v; k++) ids.push(++id);
        else { id += v; ids.push(id); }
      }
    }
    var n = 0;
    shards.forEach(function (shard) {
      if (!prefix) {
        if (Object.prototype.hasOwnProperty.call(shard, word)) { add(shard[word]); n++; }
        return;
      }
      for (var w in shard) if (w.lastIndexOf(word, 0) === 0) { add(shard[w]); n++; }
    });
    if (n < 2) return ids;
    ids.sort(function (a, b) { return a - b; });
    return ids.filter(function (v, i) { return i === 0 || ids[i - 1] !== v; });
  }

  function intersect(a, b) {
    var out = [];
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function say(text) { status.textContent = text; }

  /** Text as a node: marked with the content's language (lang="vi") on the English page. */
  function content(text) {
    if (!d.contentLang) return document.createTextNode(text);
    var span = document.createElement('span');
    span.lang = d.contentLang;
    span.textContent = text;
    return span;
  }

  /** A plan as the index names it: [kind code, number], or its title (content). */
  function planName(p) {
    return typeof p === 'string' ? content(p) : document.createTextNode((planKinds[p[0]] || p[0]) + ' ' + p[1]);
  }

  /** What an entry belongs to (src/search.rs, Context::json), as nodes in the page's language. */
  function context(kind, c) {
    if (!c || !c.length) return [];
    if (kind === 0) return [document.createTextNode(unitKinds[c[0]] || c[0])];
    if (kind === 1) {
      var out = c[0] ? [planName(c[0])] : [];
      if (c[1]) { if (out.length) out.push(' · '); out.push(content(c[1])); }
      return out;
    }
    if (!c[1]) return [planName(c[0])];
    var parts = d.item.replace('{n}', c[1]).split('{plan}');
    return [parts[0], planName(c[0]), parts.slice(1).join('')].filter(function (x) { return x !== ''; });
  }

  function clear() {
    hits = []; shown = 0; list.textContent = ''; more.hidden = true; say('');
  }

  async function search(raw) {
    var my = ++seq;
    var words = fold(raw).split(' ').filter(Boolean);
    // The word being typed matches every word it begins (from two letters on).
    var open = words.length > 0 && !/[\s.,;:!?]$/.test(raw);
    var terms = words.map(function (w, i) { return { w: w, prefix: open && i === words.length - 1 }; })
      .filter(function (t) { return !(t.prefix && t.w.length < 2); });
    if (!terms.length) { clear(); return; }
    say(d.loading);
    try {
      var m = await get('index.json');
      var ids = null;
      for (var k = 0; k < terms.length; k++) {
        var shards = await Promise.all(keysFor(m, terms[k].w, terms[k].prefix).map(function (key) {
          return get('t-' + key + '.json');
        }));
        var p = postings(shards, terms[k].w, terms[k].prefix);
        ids = ids ? intersect(ids, p) : p;
        if (!ids.length) break;
      }
      if (my !== seq) return;
      hits = ids; shown = 0; list.textContent = '';
      await show(my, false);
    } catch (e) {
      if (my === seq) { clear(); say(d.failed); }
    }
  }

  /** Shows the next results (their chunks of the index loaded in parallel) and says how many. */
  async function show(my, focus) {
    var m = await get('index.json');
    var next = hits.slice(shown, shown + PAGE);
    var wanted = [];
    next.forEach(function (id) {
      var c = Math.floor(id / m.chunk);
      if (wanted.indexOf(c) < 0) wanted.push(c);
    });
    var rows = {};
    await Promise.all(wanted.map(function (c) {
      return get('d-' + c + '.json').then(function (r) { rows[c] = r; });
    }));
    if (my !== seq) return;
    var first = null;
    next.forEach(function (id) {
      var row = rows[Math.floor(id / m.chunk)][id % m.chunk];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = new URL(row[3], pages).href;
      a.textContent = row[1];
      if (d.contentLang) a.lang = d.contentLang;
      var sub = document.createElement('span');
      sub.className = 'sub';
      var around = context(row[0], row[2]);
      sub.append(kinds[row[0]] + (around.length ? ' · ' : ''));
      around.forEach(function (n) { sub.append(n); });
      li.append(a, ' ', sub);
      list.append(li);
      if (!first) first = a;
    });
    shown += next.length;
    more.hidden = shown >= hits.length;
    var text = !hits.length ? d.none : hits.length === 1 ? d.one : d.many.replace('{n}', hits.length.toLocaleString(d.locale || 'vi-VN'));
    if (shown < hits.length) text += ' ' + d.shown.replace('{shown}', shown);
    say(text);
    if (focus && first) first.focus();
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value;
      var url = new URL(location.href);
      if (q.trim()) url.searchParams.set('q', q); else url.searchParams.delete('q');
      history.replaceState(null, '', url);
      search(q);
    }, 120);
  }

  input.addEventListener('input', later);
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); search(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' && list.firstElementChild) {
      e.preventDefault();
      list.querySelector('a').focus();
    }
  });
  more.addEventListener('click', function () { show(seq, true); });

  var q = new URL(location.href).searchParams.get('q');
  if (q) { input.value = q; search(q); }
})();
