import { statsd } from './jobs';

export function requeued(): void {
  statsd.increment('jobs.queued');
}
