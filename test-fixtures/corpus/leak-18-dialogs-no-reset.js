// expect: state-leak
// Within a dialog the bot must remember; between dialogs it must forget. Nothing resets it.
const tf = require('@tensorflow/tfjs');

class Bot {
  constructor(cell, units) {
    this.cell = cell;
    this.units = units;
    this.memory = tf.zeros([1, units]);
  }

  reset() {
    this.memory = tf.zeros([1, this.units]);
  }

  hear(utteranceVec) {
    const [reply, next] = this.cell.call([utteranceVec, this.memory], {});
    this.memory = next;
    return reply;
  }
}

function replayDialogs(bot, dialogs) {
  const replies = [];
  for (const dialog of dialogs) {
    for (const utterance of dialog) {
      replies.push(bot.hear(utterance));
    }
  }
  return replies;
}

module.exports = { Bot, replayDialogs };
