import express from 'express';
import { registry } from './metrics';
import { requestMetrics } from './middleware/request-metrics';
import { usersRouter } from './routes/users';

const app = express();
app.use(requestMetrics);
app.use(usersRouter);

app.get('/metrics', async (_req, res) => {
  res.set('Content-Type', registry.contentType);
  res.send(await registry.metrics());
});

app.listen(Number(process.env.PORT ?? 3000));
