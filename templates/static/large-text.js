// 大字版: the checkbox works without this script; with it, the choice is kept from page to page.
(function () {
  var box = document.getElementById('large-text');
  if (!box || !window.localStorage) return;
  try {
    box.checked = localStorage.getItem('gongkai-large-text') === '1';
    box.addEventListener('change', function () {
      localStorage.setItem('gongkai-large-text', box.checked ? '1' : '0');
    });
  } catch (e) {
    // Storage refused (private mode): the switch still works on this page.
  }
})();
