// Small comforts of the self-service pages; everything works without this script.
(function () {
  'use strict';
  var print = document.getElementById('print');
  if (print) { print.addEventListener('click', function () { window.print(); }); }
})();
