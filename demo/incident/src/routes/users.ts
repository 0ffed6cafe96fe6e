import { Router } from 'express';
import { userLookups } from '../metrics';

const users = new Map([
  ['1', { id: '1', name: 'Ada' }],
  ['2', { id: '2', name: 'Grace' }],
]);

export const usersRouter = Router();

usersRouter.get('/users/:id', (req, res) => {
  const user = users.get(req.params.id);
  // The route pattern ("/users/:id") is the same for every user: a bounded label.
  const route = req.route?.path ?? 'unmatched';
  userLookups.inc({ route, outcome: user ? 'found' : 'missing' });
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(user);
});
