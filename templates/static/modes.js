// 阅读模式 (N16, GB/T 37668): 大字版, 高对比度, 加大行距 and 焦点高亮 are checkboxes before the page and
// work without this script; with it, each choice is kept from page to page. 朗读 reads the article aloud
// through the browser's own speech synthesis (nothing is sent anywhere); without JavaScript or without
// speech synthesis its button stays hidden.
(function () {
  var modes = ['large-text', 'high-contrast', 'wide-spacing', 'strong-focus'];
  modes.forEach(function (mode) {
    var box = document.getElementById(mode);
    if (!box || !window.localStorage) return;
    try {
      box.checked = localStorage.getItem('gongkai-' + mode) === '1';
      box.addEventListener('change', function () {
        localStorage.setItem('gongkai-' + mode, box.checked ? '1' : '0');
      });
    } catch (e) {
      // Storage refused (private mode): the switch still works on this page.
    }
  });

  var button = document.getElementById('read-aloud');
  var synth = window.speechSynthesis;
  if (!button || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
  var label = button.textContent;
  function reset() {
    button.textContent = label;
    button.setAttribute('aria-pressed', 'false');
  }
  // Sentence by sentence: some engines stop partway through one long utterance.
  function sentences(text) {
    return (text.replace(/\s+/g, ' ').match(/[^。！？；!?;]+[。！？；!?;]?/g) || []).filter(function (s) { return s.trim(); });
  }
  button.hidden = false;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', function () {
    if (synth.speaking || synth.pending) {
      synth.cancel();
      reset();
      return;
    }
    var main = document.querySelector('main article') || document.getElementById('content');
    var parts = sentences(main ? main.innerText : '');
    if (!parts.length) return;
    button.textContent = '停止朗读';
    button.setAttribute('aria-pressed', 'true');
    parts.forEach(function (part, i) {
      var utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.9;
      if (i === parts.length - 1) utterance.onend = reset;
      utterance.onerror = reset;
      synth.speak(utterance);
    });
  });
  window.addEventListener('pagehide', function () { synth.cancel(); });
})();
