// expect: none
// Dashboard module: GRU smoother for per-room temperature feeds, one state object per room.
var tf = require('@tensorflow/tfjs');

function RoomGRU(units) {
  this.units = units;
  this.Wz = tf.randomNormal([1, units], 0, 0.4, 'float32', 191);
  this.Uz = tf.randomNormal([units, units], 0, 0.3, 'float32', 192);
  this.Wr = tf.randomNormal([1, units], 0, 0.4, 'float32', 193);
  this.Ur = tf.randomNormal([units, units], 0, 0.3, 'float32', 194);
  this.Wc = tf.randomNormal([1, units], 0, 0.4, 'float32', 195);
  this.Uc = tf.randomNormal([units, units], 0, 0.3, 'float32', 196);
  this.Wy = tf.randomNormal([units, 1], 0, 0.4, 'float32', 197);
}

RoomGRU.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var z = tf.sigmoid(x.matMul(self.Wz).add(h.matMul(self.Uz)));
    var r = tf.sigmoid(x.matMul(self.Wr).add(h.matMul(self.Ur)));
    var cand = tf.tanh(x.matMul(self.Wc).add(r.mul(h).matMul(self.Uc)));
    var hNext = z.mul(h).add(tf.sub(1, z).mul(cand));
    return { h: hNext, y: hNext.matMul(self.Wy) };
  });
};

function RoomBoard(model) {
  this.model = model;
  this.rooms = {};
}

RoomBoard.prototype.room = function (roomId) {
  if (!this.rooms[roomId]) {
    this.rooms[roomId] = { h: tf.zeros([1, this.model.units]), smoothed: [] };
  }
  return this.rooms[roomId];
};

RoomBoard.prototype.feed = function (roomId, celsiusList) {
  var self = this;
  var room = this.room(roomId);
  celsiusList.forEach(function (c) {
    var x = tf.tensor2d([[(c - 21) / 5]]);
    var res = self.model.step(x, room.h);
    room.h.dispose();
    room.h = res.h;
    room.smoothed.push(21 + 5 * res.y.dataSync()[0]);
    tf.dispose([x, res.y]);
  });
  if (room.smoothed.length > 288) room.smoothed.splice(0, room.smoothed.length - 288);
  return room.smoothed[room.smoothed.length - 1];
};

RoomBoard.prototype.removeRoom = function (roomId) {
  var room = this.rooms[roomId];
  if (!room) return;
  room.h.dispose();
  delete this.rooms[roomId];
};

RoomBoard.prototype.snapshot = function () {
  var out = {};
  var self = this;
  Object.keys(this.rooms).forEach(function (id) {
    var s = self.rooms[id].smoothed;
    out[id] = s.length ? s[s.length - 1].toFixed(2) : null;
  });
  return out;
};

module.exports = { RoomGRU: RoomGRU, RoomBoard: RoomBoard };

if (require.main === module) {
  var board = new RoomBoard(new RoomGRU(6));
  for (var batch = 0; batch < 5; batch++) {
    var a = [], b = [];
    for (var k = 0; k < 12; k++) {
      a.push(21 + Math.sin((batch * 12 + k) / 10));
      b.push(19 + (k === 6 ? 3 : 0));
    }
    board.feed('lab-1', a);
    board.feed('server-room', b);
  }
  console.log(board.snapshot());
  board.removeRoom('lab-1');
  board.removeRoom('server-room');
  console.log('tensors', tf.memory().numTensors);
}
