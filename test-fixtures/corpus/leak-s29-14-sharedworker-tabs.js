// expect: state-leak
// SharedWorker behind every open tab of the editor: predicts the next command from each tab's recent actions.
var tf = require('@tensorflow/tfjs');

var COMMANDS = ['open', 'save', 'undo', 'redo', 'find', 'replace', 'format', 'run', 'close'];
var UNITS = 16;

function CommandPredictor(seed) {
  this.embed = tf.randomNormal([COMMANDS.length, 8], 0, 1, 'float32', seed);
  this.kernel = tf.randomNormal([8 + UNITS, UNITS], 0, 0.3, 'float32', seed + 1);
  this.bias = tf.zeros([UNITS]);
  this.out = tf.randomNormal([UNITS, COMMANDS.length], 0, 0.4, 'float32', seed + 2);
  this.hidden = tf.zeros([1, UNITS]);
}

CommandPredictor.prototype.observe = function (command) {
  var idx = COMMANDS.indexOf(command);
  if (idx < 0) return null;
  var self = this;
  var next = tf.tidy(function () {
    var x = tf.gather(self.embed, [idx]);
    return tf.tanh(tf.matMul(tf.concat([x, self.hidden], 1), self.kernel).add(self.bias));
  });
  this.hidden.dispose();
  this.hidden = next;
  return this.rank();
};

CommandPredictor.prototype.rank = function () {
  var self = this;
  var p = tf.tidy(function () {
    return tf.softmax(tf.matMul(self.hidden, self.out)).dataSync();
  });
  return COMMANDS
    .map(function (c, i) { return { command: c, p: p[i] }; })
    .sort(function (a, b) { return b.p - a.p; })
    .slice(0, 3);
};

function TabHub(predictor) {
  this.predictor = predictor;
  this.tabs = new Map();
}

TabHub.prototype.open = function (tabId, port) {
  this.tabs.set(tabId, { port: port, openedAt: Date.now(), actions: 0 });
};

TabHub.prototype.handle = function (tabId, msg) {
  var tab = this.tabs.get(tabId);
  if (!tab) return;
  if (msg.type === 'action') {
    tab.actions++;
    var ranked = this.predictor.observe(msg.command);
    if (ranked) tab.port.postMessage({ type: 'suggest', items: ranked });
  } else if (msg.type === 'bye') {
    this.tabs.delete(tabId);
  }
};

var hub = new TabHub(new CommandPredictor(17));
var nextTabId = 1;

self.onconnect = function (e) {
  var port = e.ports[0];
  var tabId = nextTabId++;
  hub.open(tabId, port);
  port.onmessage = function (ev) {
    hub.handle(tabId, ev.data || {});
  };
  port.start();
};

if (typeof module !== 'undefined') module.exports = { CommandPredictor: CommandPredictor, TabHub: TabHub };
