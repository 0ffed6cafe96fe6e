import StatsD from 'hot-shots';

export const statsd = new StatsD({ prefix: 'shop.' });

export function queued(queue: 'mail' | 'sms' | 'push'): void {
  statsd.increment('jobs.queued', 1, { queue });
}
