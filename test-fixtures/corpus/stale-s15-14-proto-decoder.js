// expect: stale-state
// Melody generator CLI: samples a note sequence from a small recurrent model (node gen.js --len 16 --seed 60).
var tf = require('@tensorflow/tfjs');

var NOTES = 24;
var UNITS = 16;

function MelodyRnn(seed) {
  this.embed = tf.randomNormal([NOTES, UNITS], 0, 0.5, 'float32', seed);
  this.wh = tf.randomNormal([UNITS, UNITS], 0, 0.5, 'float32', seed + 1);
  this.wOut = tf.randomNormal([UNITS, NOTES], 0, 0.8, 'float32', seed + 2);
  this.h = this.zeroState();
}

MelodyRnn.prototype.zeroState = function () {
  return tf.zeros([1, UNITS]);
};

MelodyRnn.prototype.step = function (note, h) {
  var self = this;
  return tf.tidy(function () {
    var x = tf.gather(self.embed, [note]);
    var hNext = tf.tanh(tf.add(x, tf.matMul(h, self.wh)));
    return { logits: tf.matMul(hNext, self.wOut), h: hNext };
  });
};

// Interactive use: feed one note at a time and get the next-note distribution.
MelodyRnn.prototype.next = function (note) {
  var res = this.step(note, this.h);
  this.h.dispose();
  this.h = res.h;
  return res.logits;
};

MelodyRnn.prototype.generate = function (startNote, length, temperature) {
  var notes = [startNote];
  var prev = startNote;
  var h = this.zeroState();
  for (var t = 0; t < length; t++) {
    var res = this.step(prev, h);
    this.h = res.h;
    prev = tf.tidy(function () {
      return tf.multinomial(tf.div(res.logits, temperature).squeeze(), 1, 1234 + t).dataSync()[0];
    });
    res.logits.dispose();
    notes.push(prev);
  }
  h.dispose();
  return notes;
};

function parseArgv(argv) {
  var opts = { len: 16, seed: 60, temp: 0.8 };
  for (var i = 0; i < argv.length; i += 2) {
    var key = argv[i].replace(/^--/, '');
    if (!(key in opts)) {
      console.error('usage: gen.js [--len N] [--seed MIDI] [--temp T]');
      process.exit(2);
    }
    opts[key] = parseFloat(argv[i + 1]);
  }
  return opts;
}

function midiName(n) {
  var names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  return names[n % 12] + (Math.floor(n / 12) - 1);
}

if (require.main === module) {
  var opts = parseArgv(process.argv.slice(2));
  var base = 48;
  var model = new MelodyRnn(91);
  var melody = model.generate(((opts.seed - base) % NOTES + NOTES) % NOTES, opts.len, opts.temp);
  console.log(melody.map(function (n) { return midiName(n + base); }).join(' '));
}

module.exports = { MelodyRnn: MelodyRnn };
