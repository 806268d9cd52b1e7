// The upload page: many files at once, each with its progress and, once the pipeline is done, its status.
// Plain JS, no build step. The submit token lives in sessionStorage only and is sent as a Bearer token.
(function () {
  'use strict';
  var TOKEN_KEY = 'gongkai.submitToken';
  var PARALLEL = 3;
  var POLL_MS = 1500;
  var FINAL = { VALIDATED: true, FAILED: true };
  var WORDS = { RECEIVED: '已接收', EXTRACTED: '已读取', VALIDATED: '已校验', FAILED: '处理失败' };
  var tokenInput = document.getElementById('token');
  var zone = document.getElementById('dropzone');
  var picker = document.getElementById('files');
  var rows = document.querySelector('#uploads tbody');
  var queue = [];
  var running = 0;

  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || '';
  tokenInput.addEventListener('input', function () { sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()); });
  document.getElementById('token-form').addEventListener('submit', function (e) { e.preventDefault(); });

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (text !== undefined) { td.textContent = text; }
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  function add(file) {
    var tr = document.createElement('tr');
    tr.className = 'upload';
    cell(tr, file.name);
    var bar = document.createElement('progress');
    bar.max = 100; bar.value = 0;
    cell(tr).appendChild(bar);
    var state = cell(tr, '等待上传', 'state');
    var result = cell(tr, '', 'result');
    rows.appendChild(tr);
    queue.push({ file: file, bar: bar, state: state, result: result, tr: tr });
    pump();
  }

  function pump() {
    while (running < PARALLEL && queue.length) {
      running++;
      send(queue.shift());
    }
  }

  function problemText(xhr) {
    try {
      var p = JSON.parse(xhr.responseText);
      return p.detail || p.title || ('HTTP ' + xhr.status);
    } catch (e) {
      return 'HTTP ' + xhr.status;
    }
  }

  function fail(job, text) {
    job.state.textContent = text;
    job.state.className = 'state state-error';
    job.tr.setAttribute('data-state', 'error');
  }

  function send(job) {
    var token = tokenInput.value.trim();
    if (!token) {
      fail(job, '请先填写提交令牌');
      running--; pump();
      return;
    }
    var form = new FormData();
    form.append('file', job.file, job.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { job.bar.value = Math.round(100 * e.loaded / e.total); }
    };
    job.state.textContent = '上传中';
    xhr.onload = function () {
      running--; pump();
      if (xhr.status === 200 || xhr.status === 202) {
        job.bar.value = 100;
        var answer = JSON.parse(xhr.responseText);
        job.tr.setAttribute('data-document', answer.documentId);
        var link = document.createElement('a');
        link.href = '/reports/' + encodeURIComponent(answer.documentId);
        link.textContent = xhr.status === 200 ? '已有此文件，查看报告' : '查看报告';
        job.result.appendChild(link);
        show(job, answer.status);
        poll(job, answer.documentId);
      } else {
        fail(job, problemText(xhr));
      }
    };
    xhr.onerror = function () { running--; pump(); fail(job, '网络错误，请重试'); };
    xhr.send(form);
  }

  function show(job, status) {
    job.state.textContent = WORDS[status] || status;
    job.state.className = 'state status status-' + status;
    job.tr.setAttribute('data-state', status);
  }

  // Follows the document through the pipeline until it is validated or failed.
  function poll(job, id) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/documents/' + encodeURIComponent(id));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status !== 200) { fail(job, problemText(xhr)); return; }
      var doc = JSON.parse(xhr.responseText);
      show(job, doc.status);
      if (doc.status === 'FAILED' && doc.error) {
        job.state.textContent = WORDS.FAILED + '：' + doc.error;
      }
      if (!FINAL[doc.status]) { setTimeout(function () { poll(job, id); }, POLL_MS); }
    };
    xhr.onerror = function () { setTimeout(function () { poll(job, id); }, POLL_MS * 2); };
    xhr.send();
  }

  function addAll(files) {
    for (var i = 0; i < files.length; i++) { add(files[i]); }
  }

  zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    zone.classList.remove('over');
    addAll(e.dataTransfer.files);
  });
  picker.addEventListener('change', function () { addAll(picker.files); picker.value = ''; });
}());
