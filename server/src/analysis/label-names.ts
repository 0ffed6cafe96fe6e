/**
 * Label names that usually hold unbounded values. With no evidence either way about the value, such
 * a name earns the lowest-severity rule, `suspicious-label-name`.
 */
const SUSPICIOUS = [
  'path', 'url', 'uri', 'href', 'full_path', 'raw_path', 'request_path', 'request_uri',
  'user', 'user_id', 'userid', 'uid', 'email', 'username', 'account_id', 'customer_id', 'tenant_id',
  'ip', 'client_ip', 'remote_addr', 'remote_address',
  'request_id', 'req_id', 'trace_id', 'span_id', 'session_id', 'correlation_id',
  'user_agent', 'query', 'query_string', 'error_message', 'message', 'timestamp', 'uuid',
];

const suspicious = new Set(SUSPICIOUS);

/** True when `name` (in any case or separator style: `userId`, `user-id`, `url.path`) is one of the usual suspects. */
export function isSuspiciousLabelName(name: string): boolean {
  const normalized = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-.\s]+/g, '_');
  return suspicious.has(normalized) || normalized === 'url_path' || normalized === 'url_full';
}
