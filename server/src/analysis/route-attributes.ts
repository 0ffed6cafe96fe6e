/**
 * OpenTelemetry's semantic conventions for where a route goes: the matched template belongs in
 * `http.route`, while `url.path`, `url.full` and the older `http.target` and `http.url` hold the raw
 * value by definition. A fix that puts the template in place of a raw value under one of those keys
 * renames the key too, or the attribute would say it holds what it does not.
 */
export const ROUTE_ATTRIBUTE = 'http.route';

const RAW_URL_ATTRIBUTES: ReadonlySet<string> = new Set(['url.path', 'url.full', 'http.target', 'http.url']);

export function isRawUrlAttribute(key: string | undefined): boolean {
  return key !== undefined && RAW_URL_ATTRIBUTES.has(key);
}
