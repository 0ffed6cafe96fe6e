/**
 * The shape of Cardinal's knowledge. Every metric library and web framework is one `LibraryTable`: a
 * tiny model of the parts of its API that matter here, written as data. The engine never names a
 * library; it asks the tables what an expression is.
 *
 * An entity is a kind of value a library hands out ("an Express request", "a prom-client Histogram").
 * Entities have members (properties and methods), may be callable or constructible, and members say
 * what reading or calling them yields: another entity, an unbounded source, a bounded route pattern, or
 * a metric sink.
 */
import type { InstrumentKind } from '../../analysis/finding';
import type { KnownSet } from '../../analysis/known-sets';
import type { LabelNoun } from '../../analysis/sink-site';
import type { SourceKind } from '../../analysis/source-kinds';

/** A qualified entity name, `<library id>:<entity>`, e.g. `express:Request`. */
export type EntityId = string;

export interface LibraryTable {
  /** Short id, also the prefix of its entity ids. */
  readonly id: string;
  /** Module specifiers whose imports (or `require` calls) yield this library's exports. */
  readonly modules: readonly string[];
  /**
   * Packages whose declaration files declare the entities, for resolving through the type checker when
   * types are installed (`@types/express-serve-static-core` declares Express's Request).
   */
  readonly typePackages: readonly string[];
  /** Export name → entity. `*` is the namespace (`import * as x`, `require(...)`), `default` the default export. */
  readonly exports: Readonly<Record<string, EntityId>>;
  readonly entities: Readonly<Record<string, Entity>>;
  /**
   * How the framework's handlers look when nothing says which framework they belong to: untyped
   * middleware in a file that imports no framework, registered on a receiver the model cannot see.
   */
  readonly handlerConventions?: readonly HandlerConvention[];
  /** When the framework matches a route, for middleware that read the pattern (or record a metric) before it does. */
  readonly routing?: RoutingOrder;
  /** How an application registers routes, to count the patterns a route-pattern label can take. */
  readonly routes?: RouteRegistrations;
  /**
   * Methods and functions that take a metric object without writing its labels (`register.registerMetric(h)`).
   * A metric handed to any other call may be labelled there, out of sight.
   */
  readonly metricReaders?: readonly string[];
}

/** The calls (and decorators) that register a route, each with where its path is. */
export interface RouteRegistrations {
  /** Methods taking the path as their first argument (`app.get('/users/:id', h)`), or at `pathArgument`. */
  readonly methods: readonly string[];
  /** Methods whose path is another argument (Hono's `app.on('GET', '/x', h)`). */
  readonly pathArgument?: Readonly<Record<string, number>>;
  /** Methods taking a route object, or a list of them, with the path under one of `keys` (`fastify.route({ url })`). */
  readonly objects?: { readonly methods: readonly string[]; readonly keys: readonly string[] };
  /** Method decorators taking the path (Nest's `@Get(':id')`), under a class decorator giving a prefix. */
  readonly decorators?: { readonly controller: string; readonly methods: readonly string[] };
}

/**
 * What a middleware sees of the route pattern before it hands the request on: a handler registered
 * with one of `methods` (on one of `receivers`, when the receiver is known) runs before routing until
 * it calls its `next` parameter. Handlers found by convention, registered nowhere in sight, count as
 * middleware; handlers registered by a route's own method (`app.get`) run after routing.
 */
export interface RoutingOrder {
  readonly nextParam: number;
  readonly methods: readonly string[];
  /** Receivers whose `methods` run before routing; another receiver (a Koa router's `use`) runs after it. */
  readonly receivers: readonly EntityId[];
  /** The pattern before routing, as code: `undefined`, `'*'`. */
  readonly patternThere: string;
  /** Where the pattern has its value: in an event of the response (Express's `finish`), or after `await next()`. */
  readonly recordAt: { readonly kind: 'response-event'; readonly responseParam: number; readonly event: string } | { readonly kind: 'after-awaited-next' };
}

/**
 * The shape of a framework's request handler, for functions no catalogued call is known to register:
 * `module.exports = (req, res, next) => …`, `export function timing(request, reply)`. A function
 * matches when its parameters carry the names the framework's documentation uses, and its body uses
 * them the way the framework's handlers do (or an unknown receiver registers it under one of
 * `registeredBy`).
 */
export interface HandlerConvention {
  /** Names accepted at each parameter position, lower case; a handler declares at least `minParams`. */
  readonly params: readonly (readonly string[])[];
  readonly minParams: number;
  /** What the framework passes at each position. */
  readonly entities: readonly (EntityId | null)[];
  /**
   * Members of a parameter (by position) whose use shows the function is such a handler
   * (`res.statusCode`, `reply.send`): what it does with the response, never the request reads the
   * analysis is about to judge.
   */
  readonly confirmedBy: readonly { readonly param: number; readonly members: readonly string[] }[];
  /** A parameter (by position) whose call shows it (`next()`). */
  readonly calledParam?: number;
  /** Method names by which a receiver of this framework registers handlers (`app.use`, `fastify.addHook`). */
  readonly registeredBy: readonly string[];
  /** A handler declaring exactly this many parameters takes an error first (Express's `(err, req, res, next)`). */
  readonly errorHandlerArity?: number;
  /** Frameworks built on this one whose handlers take the same values (Egg's are Koa's): a dependency on one counts. */
  readonly alsoFor?: readonly string[];
}

export interface Entity {
  /** Declared type names that denote this entity in the library's declaration files. */
  readonly typeNames?: readonly string[];
  readonly members?: Readonly<Record<string, Member>>;
  /** What any member not listed yields (a container such as `req.params`). */
  readonly anyMember?: Member;
  /** Calling the value itself (`express()`, `end(labels)`). */
  readonly call?: Behaviour;
  /** `new X(...)`. */
  readonly construct?: Behaviour;
  /** The entity used as a value in its own right (`String(err)`, `${new Date()}`) is unbounded. */
  readonly asValue?: SourceKind;
  /** A class implementing this interface: what the library passes to each parameter of its methods, by method name. */
  readonly implementerParameters?: Readonly<Record<string, readonly (EntityId | null)[]>>;
  /** A parameter decorated with this (NestJS `@Param('id') id`) receives this. */
  readonly decoratedParameter?: Member;
  /** A plugin whose registration options (`fastify.register(plugin, options)`) hold these sinks. */
  readonly pluginOptions?: readonly OptionSink[];
  /**
   * A metric whose recordings may move later in the same request without changing what they mean: a
   * counter's increment, a histogram's observation. Not a gauge or an up-down counter, whose
   * recordings pair up (`+1` on arrival, `-1` on leaving) and whose moment matters.
   */
  readonly recordsAnyTime?: boolean;
  /** How this entity is described in a flow step, e.g. "Express request". */
  readonly description?: string;
}

/** What reading a member yields. A member that is a method has a `call` behaviour. */
export type Member =
  | { readonly entity: EntityId }
  | { readonly source: SourceKind; readonly fix?: RoutePatternFix }
  | { readonly pattern: true }
  /** A bounded value; `values` names its set when the platform knows how many values it has. */
  | { readonly bounded: string; readonly values?: KnownSet }
  /**
   * The mount path a router was reached under (Express's `req.baseUrl`): the matched string, so a
   * bounded prefix only while every mount path the program registers is static.
   */
  | { readonly mountPath: true }
  | { readonly call: Behaviour };

/** What calling something does. */
export interface Behaviour {
  /** The result: another entity, an unbounded source, a route pattern or a bounded value. */
  readonly returns?: Exclude<Member, { readonly call: Behaviour }>;
  /** The call's result carries the taint of these arguments (`new URL(req.url)`, `String(x)`). */
  readonly propagates?: readonly number[] | 'all';
  /** The carried value went through a sanitizer that does not bound it; says why. */
  readonly weak?: string;
  /** Function arguments called back by the library, with what their parameters are. */
  readonly callbacks?: readonly CallbackSpec[];
  /** The call is a metric sink. */
  readonly sink?: SinkSpec;
  /** The call declares a metric (`new Histogram({ name, labelNames })`, `meter.createCounter(name)`). */
  readonly declares?: MetricDeclarationSpec;
  /** Options objects whose properties are sinks (metric middlewares). */
  readonly options?: OptionsSpec;
  /** `register(plugin, options)`: the plugin's `options` spec applies to argument `optionsArg`. */
  readonly registersPlugin?: { readonly pluginArg: number; readonly optionsArg: number };
}

/** A function passed to a library call, whose parameters the library fills. */
export interface CallbackSpec {
  /** Which argument: an index, or any argument that is a function. */
  readonly arg: number | 'any';
  /** The callback is this property of an options object at `arg` (`{ handler(request, h) {} }`). */
  readonly property?: string;
  /** The parameters' entities, by position; null for one the model does not know. */
  readonly params: readonly (EntityId | null)[];
  /** A callback declaring exactly this many parameters is an error handler: an error comes first (Express `(err, req, res, next)`). */
  readonly errorHandlerArity?: number;
}

/** How the label values of a metric call are passed. */
export type SinkSpec =
  /** prom-client `labels(...)`: positional values in `labelNames` order, or one labels object. */
  | { readonly kind: 'positional-labels' }
  /** A labels object at `arg` (prom-client `inc(labels, v)`); also `{ labels, value }` when `wrapped`. */
  | { readonly kind: 'labels-object'; readonly arg: number; readonly wrapped?: boolean; readonly noun: LabelNoun }
  /** StatsD: `stat` is the metric name; tags are any later array (`'k:v'`) or object argument. */
  | { readonly kind: 'statsd'; readonly stat: number; readonly instrument: InstrumentKind };


/**
 * Where a declaration keeps its parts: an argument index, or a property of the options object at
 * argument 0, or (`positional`) that argument when the first is no options object (an older API).
 */
export type ArgumentOrOption = number | { readonly option: string; readonly positional?: number };

export interface MetricDeclarationSpec {
  /** The metric name (or a StatsD prefix). */
  readonly name?: ArgumentOrOption;
  /** The label names, in the order positional values map to them. */
  readonly labelNames?: ArgumentOrOption;
  /** Tags given for every metric of a client (`{ globalTags }`). */
  readonly globalTags?: ArgumentOrOption;
  /** The instrument declared, for the samples each series exposes. */
  readonly instrument?: InstrumentSpec;
}

/** An instrument, and where its bucket boundaries (a histogram) or quantiles (a summary) are given. */
export interface InstrumentSpec {
  readonly kind: InstrumentKind;
  readonly boundaries?: ArgumentOrOption;
  /** How many the library uses when none are given. */
  readonly defaultBoundaries?: number;
}

/** Properties of an options object (at `arg`) that act as sinks. */
export interface OptionsSpec {
  readonly arg: number;
  readonly sinks: readonly OptionSink[];
}

/**
 * One sink inside an options object. `path` walks properties; `*` matches any key, and the last `*`
 * key names the label unless `label` is given.
 */
export type OptionSink =
  /** A callback whose return value is the label value. */
  | { readonly kind: 'returns-value'; readonly path: readonly string[]; readonly label?: string; readonly params: readonly (EntityId | null)[] }
  /** A callback returning a labels object. */
  | { readonly kind: 'returns-labels'; readonly path: readonly string[]; readonly params: readonly (EntityId | null)[] }
  /** A callback that assigns labels onto its first parameter (`labels.user = …`). */
  | { readonly kind: 'assigns-labels'; readonly path: readonly string[]; readonly params: readonly (EntityId | null)[] }
  /** A boolean flag that makes the middleware label raw paths, unless the option `unless` (a normalizer) is also set. */
  | { readonly kind: 'raw-path-flag'; readonly path: readonly string[]; readonly label: string; readonly unless?: string; readonly what: string };

/** How to rewrite a raw-path read into the framework's route pattern. */
export interface RoutePatternFix {
  /** The replacement; `$receiver` is the text of the object the raw property was read from. */
  readonly template: string;
  /** True when the result can be undefined/empty and the template already supplies a fallback. */
  readonly withFallback: boolean;
  /**
   * The template when the program mounts routers under paths (`app.use('/users', users)`), where the
   * pattern alone is relative to its router (`/users/:id` and `/orders/:id` would both read `/:id`).
   * Right only while every mount path is static; with a parameter in one, the fix is not preferred.
   */
  readonly underMounts?: string;
}
