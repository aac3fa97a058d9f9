// expect: none
// POST /forecast: replays a store's daily sales through a stateful LSTM one day at a time and returns the running forecast.
import * as tf from '@tensorflow/tfjs';

interface ForecastReq {
  params: { storeId: string };
  body: { sales: number[] };
}
interface ForecastRes {
  status(code: number): ForecastRes;
  json(body: unknown): void;
}

function buildStepModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 16,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, 1, 2],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 111 }),
    recurrentInitializer: tf.initializers.glorotUniform({ seed: 112 }),
  }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 113 }) }));
  return model;
}

let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export function makeForecastHandler(model: tf.LayersModel = buildStepModel()) {
  return (req: ForecastReq, res: ForecastRes): Promise<void> =>
    serialised(async () => {
      const sales = req.body?.sales;
      if (!Array.isArray(sales) || sales.length === 0) {
        res.status(400).json({ error: 'sales[] required' });
        return;
      }
      const scale = Math.max(1, ...sales.map(Math.abs));

      // every request is a separate store history: start from a clean LSTM state
      model.resetStates();
      const forecast: number[] = [];
      for (let day = 0; day < sales.length; day++) {
        const x = tf.tensor3d([[[sales[day] / scale, (day % 7) / 6]]]);
        const y = model.predict(x) as tf.Tensor;
        forecast.push((await y.data())[0] * scale);
        tf.dispose([x, y]);
      }
      res.status(200).json({ storeId: req.params.storeId, nextDay: forecast[forecast.length - 1], forecast });
    });
}

export function mount(app: { post(path: string, h: (req: ForecastReq, res: ForecastRes) => Promise<void>): void }) {
  app.post('/stores/:storeId/forecast', makeForecastHandler());
}
