/*!
 * jjj-transfer-map embed helper (MIT). No dependencies; safe to include more than once.
 *
 *   <div data-jjj-transfer-map="?lang=en&industry=pharma"></div>
 *   <script src="https://maps.example.org/jjj/embed.js" async></script>
 *
 * Replaces each such div's content with an iframe of the map (index.html next to this script,
 * with the div's query plus embed=1, and parentOrigin set to this page's origin), and sets the
 * iframe's height from the map's `resize` messages: only messages from that iframe's own
 * window and from the map's origin are read. Optional attributes on the div: data-title,
 * data-height (initial height in px, default 560). New divs added later: call
 * window.jjjTransferMap.scan().
 */
(function () {
  'use strict';
  if (window.jjjTransferMap && window.jjjTransferMap.scan) {
    window.jjjTransferMap.scan();
    return;
  }
  var SOURCE = 'jjj-transfer-map';
  var ATTR = 'data-jjj-transfer-map';
  var script = document.currentScript;
  var scriptSrc = script && script.src;
  if (!scriptSrc) {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/(^|\/)embed\.js(\?|#|$)/.test(all[i].src)) { scriptSrc = all[i].src; break; }
    }
  }
  if (!scriptSrc) return;
  var page = new URL('index.html', scriptSrc);
  var mapOrigin = page.origin;
  var frames = [];

  function mapUrl(query) {
    var u = new URL(page.href);
    var params = new URLSearchParams(String(query || '').replace(/^[?#]/, ''));
    params.set('embed', '1');
    // Let the map answer this page only (an opaque origin such as file:// cannot be named).
    if (!params.has('parentOrigin') && /^https?:$/.test(location.protocol)) params.set('parentOrigin', location.origin);
    u.search = params.toString().replace(/%2C/gi, ',');
    return u.href;
  }

  function scan() {
    var divs = document.querySelectorAll('div[' + ATTR + ']');
    for (var i = 0; i < divs.length; i++) {
      var div = divs[i];
      if (div.getAttribute(ATTR + '-mounted')) continue;
      div.setAttribute(ATTR + '-mounted', '1');
      var h = parseInt(div.getAttribute('data-height'), 10);
      var iframe = document.createElement('iframe');
      iframe.src = mapUrl(div.getAttribute(ATTR));
      iframe.title = div.getAttribute('data-title') || '\u4eac\u6d25\u5180\u4ea7\u4e1a\u8f6c\u79fb\u5730\u56fe \u00b7 Jing-Jin-Ji Industrial Transfer Map';
      iframe.setAttribute('loading', 'lazy');
      iframe.setAttribute('allow', 'fullscreen');
      iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (h >= 100 && h <= 4000 ? h : 560) + 'px';
      while (div.firstChild) div.removeChild(div.firstChild);
      div.appendChild(iframe);
      frames.push(iframe);
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== mapOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== SOURCE) return;
    if (data.type !== 'resize' && data.type !== 'ready') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height >= 100 && height <= 20000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });

  window.jjjTransferMap = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
