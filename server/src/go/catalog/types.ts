/**
 * The shape of Cardinal's knowledge about Go libraries. Each file of this folder describes one library
 * or framework as data; the engine reads the tables and holds no library names of its own.
 *
 * Member chains are written as Go reads them, from a value of a known type: `URL.Path`, `Param()`,
 * `Request().URL.Path`. A chain ending in `()` is a method call (its arguments do not matter). A rule
 * applies to every expression whose chain starts with the rule's chain, so `Header` covers
 * `r.Header.Get("X")` and `r.Header["X"]`.
 */
import type { InstrumentKind } from '../../analysis/finding';
import type { KnownSet } from '../../analysis/known-sets';
import type { SourceKind } from '../../analysis/source-kinds';

/** A named type of a catalogued package: `{ package: 'net/http', name: 'Request' }`. */
export interface GoTypeName {
  /** The catalog's `id`, not an import path: one catalog covers every major version. */
  readonly package: string;
  readonly name: string;
}

/** What is known about a value read from a library. */
export type ValueFact =
  /** An unbounded value of a kind every language shares (a raw path is `raw-path-label`, the rest `unbounded-label`). */
  | { readonly kind: 'source'; readonly source: SourceKind }
  /** The matched route pattern: bounded by the application's routes. */
  | { readonly kind: 'route-pattern' }
  /**
   * Bounded for another reason (status code, method, handler name); `unlessCalled`: unbounded, of
   * `source`, in a program that calls that function of the package (gRPC's `UnknownServiceHandler`).
   */
  | { readonly kind: 'bounded'; readonly description: string; readonly values?: KnownSet; readonly unlessCalled?: { readonly function: string; readonly source: SourceKind } };

/** How a call derives its result from its arguments. Indices count the call's arguments. */
export type Transform =
  /** The result is made of these arguments (all of them from `from` on): `fmt.Sprintf`, `strings.Join`. */
  | { readonly kind: 'concat'; readonly from: number }
  /** The result carries one argument unchanged in cardinality: `strconv.Itoa`, `strings.TrimSpace`. */
  | { readonly kind: 'pass'; readonly argument: number }
  /** Looks like sanitizing but does not bound the value: lowercasing, regex masking, splitting (`reason` from `WEAK_REASONS`). */
  | { readonly kind: 'weak'; readonly argument: number; readonly reason: string }
  /** The result is bounded whatever the input: `http.StatusText`. */
  | { readonly kind: 'bounded'; readonly why: string; readonly values?: KnownSet };

/** A chain read on a value of `type` (a type name of the same catalog). */
export interface MemberRule {
  readonly type: string;
  readonly chain: string;
  readonly fact?: ValueFact;
  /** The type the chain evaluates to, so matching can go on: gin's `Request` is a net/http `Request`. */
  readonly yields?: GoTypeName;
  readonly transform?: Transform;
}

/** A package-level function of the catalogued package, optionally followed by a chain on its result. */
export interface FunctionRule {
  readonly function: string;
  readonly fact?: ValueFact;
  readonly yields?: GoTypeName;
  readonly transform?: Transform;
  /** Every result is the transform's, not only the first (`net.SplitHostPort`'s host and port). */
  readonly everyResult?: boolean;
}

/**
 * The route-pattern substitute for raw paths read through a value of `type`. `{value}` is that value's
 * expression (`c`, `r`), `{package}` the file's name for this catalog's import.
 */
export interface RoutePatternFix {
  readonly type: GoTypeName;
  /** Absent when no correct single expression exists; `reason` then says why. */
  readonly template?: string;
  /** Shown in the fix title: what the pattern is when no route matched. */
  readonly reason: string;
  /** Only when the file imports this catalog's package (chi, gorilla/mux decide for net/http requests). */
  readonly requiresImport?: boolean;
}

/**
 * What a middleware sees of the route pattern before it hands the request on: a read through a value
 * of one of `types`, in a function that later calls `nextMethod` (fiber's `c.Next()`, a wrapped
 * handler's `next.ServeHTTP(w, r)`), runs before routing unless a route's own method registered the
 * function (`app.Get`).
 */
export interface GoRoutingOrder {
  readonly types: readonly GoTypeName[];
  readonly nextMethod: string;
  /** Registration methods whose handlers run after routing. */
  readonly routeMethods: readonly string[];
  /** Only when the file imports this catalog's package (chi decides for net/http requests). */
  readonly requiresImport?: boolean;
  /** The pattern there, as code. */
  readonly patternThere: string;
  readonly where: string;
}

/** A constructor of a labelled metric vector: `NewHistogramVec(opts, []string{…})`. */
export interface VectorConstructorRule {
  readonly function: string;
  /** The options struct (its `Name`, `Namespace`, `Subsystem` fields form the metric name). */
  readonly optionsArgument: number;
  /** The `[]string{…}` of label names; absent for metrics without labels. */
  readonly labelNamesArgument?: number;
  /** Set when the constructor is a method of this type (`promauto.With(reg).NewCounterVec`). */
  readonly onType?: string;
  /**
   * Whether a recording may happen at any moment of a request (a counter, a histogram, a summary), so
   * moving it later changes no value; a gauge's `Inc` and `Dec` pair up, and their moment matters.
   */
  readonly recordsAnyTime: boolean;
  /** The instrument, and the options field listing its buckets (`Buckets`) or quantiles (`Objectives`). */
  readonly instrument: { readonly kind: InstrumentKind; readonly boundariesField?: string; readonly defaultBoundaries?: number };
}

/** A method of a metric vector whose arguments are label values. */
export interface VectorMethodRule {
  readonly method: string;
  /** `values`: positional, in label-name order; `labels`: one `Labels{name: value}` map argument. */
  readonly form: 'values' | 'labels';
  /** The result is the vector with these labels fixed (`CurryWith`); later positions skip them. */
  readonly curries?: boolean;
}

/** A function whose arguments (or whose set argument) are metric attributes: `metric.WithAttributes`. */
export interface AttributeListRule {
  readonly function: string;
  /** `arguments`: each argument is one attribute; `set`: the argument is an attribute set. */
  readonly form: 'arguments' | 'set';
}

/** A constructor of one attribute: `attribute.String(key, value)`, or semconv's `HTTPRoute(value)`. */
export type AttributeConstructorRule = {
  readonly function: string;
  readonly valueArgument: number;
} & ({ readonly keyArgument: number } | { readonly key: string });

/** An option taking a callback whose result becomes a label (`promhttp.WithLabelFromRequest`). */
export interface LabelCallbackRule {
  readonly function: string;
  /** The argument holding the label name; absent when the callback returns attributes. */
  readonly labelArgument?: number;
  readonly callbackArgument: number;
  /** `value`: the callback returns the label value; `attributes`: a list of attributes. */
  readonly returns: 'value' | 'attributes';
}

/** A method creating an instrument whose name is its `nameArgument`, recognised by method name. */
export interface InstrumentConstructorRule {
  readonly method: string;
  readonly nameArgument: number;
  /** The instrument, for the samples each series exposes (an OTel histogram: its default boundaries). */
  readonly instrument: { readonly kind: InstrumentKind; readonly defaultBoundaries?: number };
}

/**
 * A parameter of `type` in a function whose results include `returns` is a value of `becomes`:
 * `RoundTrip(r *http.Request) (*http.Response, error)` is handed a request the program sends.
 */
export interface ParameterTypeRule {
  readonly type: string;
  readonly returns: GoTypeName;
  readonly becomes: string;
}

/**
 * A per-request store of the catalogued type: a value put under a key (`c.Set("user", u)`,
 * `context.WithValue(ctx, key, u)`) is read back under the same key elsewhere (`c.GetString("user")`,
 * `ctx.Value(key)`). Getters take the key as their only argument.
 */
export interface StoreRule {
  readonly type: string;
  /** A method of `type` or a function of the catalogued package, and where its key and value are. */
  readonly setter: { readonly method?: string; readonly function?: string; readonly key: number; readonly value: number };
  readonly getters: readonly string[];
}

/** Everything Cardinal knows about one Go package (all tables optional). */
export interface GoCatalog {
  /** Stable id used by `GoTypeName.package`. */
  readonly id: string;
  /** Every import path of the package (major versions, sub-packages that share the API). */
  readonly importPaths: readonly string[];
  /** Import paths given by their shape, for packages published under many versions (semconv's). */
  readonly importPathPattern?: RegExp;
  readonly members?: readonly MemberRule[];
  readonly parameterTypes?: readonly ParameterTypeRule[];
  readonly stores?: readonly StoreRule[];
  readonly functions?: readonly FunctionRule[];
  readonly routePatternFixes?: readonly RoutePatternFix[];
  /** When the router matches a route, for middleware that read the pattern before handing the request on. */
  readonly routing?: GoRoutingOrder;
  readonly vectorConstructors?: readonly VectorConstructorRule[];
  readonly vectorMethods?: readonly VectorMethodRule[];
  /**
   * Functions and methods that take a vector without writing its labels (a registry's `MustRegister`,
   * testutil's readers). A vector handed to any other call may be labelled there, out of sight.
   */
  readonly vectorReaders?: readonly string[];
  /** The composite-literal type of a label map (`prometheus.Labels`). */
  readonly labelMapType?: string;
  readonly attributeLists?: readonly AttributeListRule[];
  /** The function building an attribute set from attributes (`attribute.NewSet`). */
  readonly attributeSetFunction?: string;
  readonly attributeConstructors?: readonly AttributeConstructorRule[];
  /** Attribute keys the package declares, by Go name (`HTTPRouteKey` is `http.route`). */
  readonly attributeKeys?: ReadonlyMap<string, string>;
  /** The type whose methods build attributes from a key (`attribute.Key("k").String(v)`). */
  readonly attributeKeyType?: { readonly function: string; readonly methods: readonly string[] };
  readonly labelCallbacks?: readonly LabelCallbackRule[];
  /** Instrument constructors on a meter, recognised by method name when the package is imported. */
  readonly instrumentConstructors?: readonly InstrumentConstructorRule[];
  /** How a router of the package registers routes, to count the patterns a route-pattern label can take. */
  readonly routes?: GoRouteRegistrations;
}

/** Methods (or functions) registering a route, with the path as first argument or at `pathArgument`. */
export interface GoRouteRegistrations {
  readonly methods: readonly string[];
  /** Methods whose path is another argument (`e.Add("GET", "/x", h)`). */
  readonly pathArgument?: Readonly<Record<string, number>>;
}
