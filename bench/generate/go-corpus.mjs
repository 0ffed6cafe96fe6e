/**
 * A Go service of exactly `files` source files, the same shape as the TypeScript corpus: one package
 * per feature (model, repository, service, handler), shared platform packages, and about 3 % metric
 * files (client_golang vectors, a net/http latency middleware, a gin login counter), some planted.
 */
import { entityName, FIELDS, pascal, plural } from './names.mjs';
import { createRandom } from './random.mjs';
import { SourceBuilder } from './source-builder.mjs';

const PLATFORM_KINDS = ['httpx', 'validate', 'paging', 'clock'];
const METRIC_FILES_PER_GROUP = 3;

/**
 * Generates `{ files: Map<relative path, text>, planted: [{ file, line, ruleId, label }] }`. With
 * `instrumentedPlatform`, the platform's JSON writer counts responses through a shared `internal/obs`
 * package, so every feature package reaches a metric and must be analysed (a scan's worst case); the
 * planted findings are the same.
 */
export function generateGoCorpus({ files: total, seed, instrumentedPlatform = false }) {
  const random = createRandom(seed);
  const groups = Math.max(1, Math.round((total * 0.03) / METRIC_FILES_PER_GROUP));
  const minimumPlatform = Math.max(PLATFORM_KINDS.length, Math.round(total * 0.08));
  const featureCount = Math.floor((total - groups * METRIC_FILES_PER_GROUP - minimumPlatform) / 4);
  const platform = total - groups * METRIC_FILES_PER_GROUP - featureCount * 4 - (instrumentedPlatform ? 1 : 0);
  if (featureCount < groups) throw new Error(`${total} files is too few for a corpus`);
  const files = new Map();
  const planted = [];
  const add = (path, builder) => {
    const built = builder.build();
    files.set(path, built.text);
    for (const finding of built.planted) planted.push({ file: path, ...finding });
  };

  files.set('go.mod', 'module example.com/shop\n\ngo 1.22\n');
  if (instrumentedPlatform) add('internal/obs/obs.go', observabilityFile());
  for (let i = 0; i < platform; i++) {
    const kind = PLATFORM_KINDS[i % PLATFORM_KINDS.length];
    const index = Math.floor(i / PLATFORM_KINDS.length);
    add(`internal/platform/${kind}${index}/${kind}.go`, platformFile(kind, `${kind}${index}`, instrumentedPlatform));
  }
  for (let f = 0; f < featureCount; f++) {
    // Packages take the plural (`orders`, `orders2`): a folder named like build output (`build`) is never scanned.
    const name = entityName(f).replace(/^([a-z]+)(\d*)$/, (_, base, round) => `${plural(base)}${round}`);
    const fields = random.sample(FIELDS, random.int(3, 6));
    const httpx = `httpx${f % Math.ceil(platform / PLATFORM_KINDS.length)}`;
    const dir = `internal/${name}`;
    add(`${dir}/model.go`, goModel(name, fields));
    add(`${dir}/repository.go`, goRepository(name));
    add(`${dir}/service.go`, goService(name));
    add(`${dir}/handler.go`, goHandler(name, httpx));
    if (f < groups) {
      add(`${dir}/metrics.go`, goMetrics(name));
      add(`${dir}/instrument.go`, goInstrument(name, f % 2 === 0));
      add(`${dir}/logins.go`, goLogins(name, f % 2 === 1));
    }
  }
  // go.mod is not a source file; the count is of .go files.
  if (files.size - 1 !== total) throw new Error(`generated ${files.size - 1} Go files instead of ${total}`);
  return { files, planted };
}

/** The shared package of the instrumented platform: one counter with a bounded label. */
function observabilityFile() {
  return new SourceBuilder().add(`package obs

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Responses counts the responses written, by encoding.
var Responses = promauto.NewCounterVec(prometheus.CounterOpts{Name: "responses_total", Help: "Responses written."}, []string{"encoding"})`);
}

function platformFile(kind, pkg, instrumented) {
  const b = new SourceBuilder().add(`package ${pkg}`, '');
  if (kind === 'httpx') {
    b.add(`import (
	"encoding/json"
	"net/http"${instrumented ? '\n\n\t"example.com/shop/internal/obs"' : ''}
)

// WriteJSON answers with a JSON body.
func WriteJSON(w http.ResponseWriter, status int, body any) {${instrumented ? '\n\tobs.Responses.WithLabelValues("json").Inc()' : ''}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// WriteError answers with an error body whose status depends on the error.
func WriteError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	if err == ErrNotFound {
		status = http.StatusNotFound
	}
	WriteJSON(w, status, map[string]string{"error": http.StatusText(status)})
}

// ErrNotFound is returned by repositories when a row does not exist.
var ErrNotFound = errNotFound{}

type errNotFound struct{}

func (errNotFound) Error() string { return "not found" }`);
  } else if (kind === 'validate') {
    b.add(`import (
	"fmt"
	"strings"
)

// NonEmpty fails when value is blank.
func NonEmpty(field, value string) error {
	if strings.TrimSpace(value) == "" {
		return fmt.Errorf("%s: must not be empty", field)
	}
	return nil
}

// MaxLength fails when value is longer than max runes.
func MaxLength(field, value string, max int) error {
	if len([]rune(value)) > max {
		return fmt.Errorf("%s: longer than %d characters", field, max)
	}
	return nil
}`);
  } else if (kind === 'paging') {
    b.add(`import (
	"net/http"
	"strconv"
)

// Page is a window over a list.
type Page struct {
	Cursor int
	Limit  int
}

// FromRequest reads cursor and limit from the query, with defaults.
func FromRequest(r *http.Request) Page {
	cursor, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 100 {
		limit = 25
	}
	return Page{Cursor: cursor, Limit: limit}
}`);
  } else {
    b.add(`import "time"

// Clock tells the time; tests replace it.
type Clock interface {
	Now() time.Time
}

// System is the real clock.
type System struct{}

// Now returns the current UTC time.
func (System) Now() time.Time { return time.Now().UTC() }`);
  }
  return b;
}

function goModel(name, fields) {
  const Name = pascal(name);
  const columns = [['ID', 'string'], ['OwnerID', 'string'], ['Status', 'string'], ...fields.map(([field, , goType]) => [pascal(field), goType]), ['CreatedAt', 'time.Time'], ['UpdatedAt', 'time.Time']];
  const width = Math.max(...columns.map(([field]) => field.length));
  const b = new SourceBuilder().add(`package ${name}`, '', 'import "time"', '', `// ${Name} is a stored ${name}.`, `type ${Name} struct {`);
  for (const [field, goType] of columns) b.add(`\t${field.padEnd(width)} ${goType}`);
  b.add('}', '', `// Editable reports whether the owner may still change the ${name}.`, `func (m *${Name}) Editable() bool {`, '\treturn m.Status == "draft" || m.Status == "active"', '}');
  return b;
}

function goRepository(name) {
  const Name = pascal(name);
  return new SourceBuilder().add(`package ${name}

import (
	"context"
	"sync"
)

// Repository stores ${name} rows in memory.
type Repository struct {
	mu   sync.RWMutex
	rows map[string]*${Name}
}

// NewRepository returns an empty repository.
func NewRepository() *Repository {
	return &Repository{rows: make(map[string]*${Name})}
}

// Find returns the row with id, or nil.
func (r *Repository) Find(ctx context.Context, id string) *${Name} {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.rows[id]
}

// Save inserts or replaces a row.
func (r *Repository) Save(ctx context.Context, row *${Name}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rows[row.ID] = row
}`);
}

function goService(name) {
  const Name = pascal(name);
  return new SourceBuilder().add(`package ${name}

import (
	"context"
	"errors"
)

// ErrLocked is returned when a ${name} can no longer change.
var ErrLocked = errors.New("${name} is locked")

// Service holds the rules around ${name} rows.
type Service struct {
	repo *Repository
}

// NewService wires a service to its repository.
func NewService(repo *Repository) *Service {
	return &Service{repo: repo}
}

// Get returns one ${name}.
func (s *Service) Get(ctx context.Context, id string) (*${Name}, error) {
	row := s.repo.Find(ctx, id)
	if row == nil {
		return nil, errors.New("not found")
	}
	return row, nil
}

// SetStatus changes the status when allowed.
func (s *Service) SetStatus(ctx context.Context, id, status string) error {
	row, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if !row.Editable() {
		return ErrLocked
	}
	row.Status = status
	s.repo.Save(ctx, row)
	return nil
}`);
}

function goHandler(name, httpx) {
  return new SourceBuilder().add(`package ${name}

import (
	"net/http"

	"example.com/shop/internal/platform/${httpx}"
)

// Handler serves /${name}s.
type Handler struct {
	service *Service
}

// NewHandler returns the HTTP handler of the ${name} service.
func NewHandler(service *Service) *Handler {
	return &Handler{service: service}
}

// Get answers GET /${name}s/{id}.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	row, err := h.service.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		${httpx}.WriteError(w, err)
		return
	}
	${httpx}.WriteJSON(w, http.StatusOK, row)
}

// SetStatus answers PUT /${name}s/{id}/status.
func (h *Handler) SetStatus(w http.ResponseWriter, r *http.Request) {
	if err := h.service.SetStatus(r.Context(), r.PathValue("id"), r.FormValue("status")); err != nil {
		${httpx}.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}`);
}

function goMetrics(name) {
  return new SourceBuilder().add(`package ${name}

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var requestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name: "http_request_duration_seconds",
	Help: "HTTP request latency.",
}, []string{"method", "route"})

var loginAttempts = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "login_attempts_total",
	Help: "Login attempts by user and outcome.",
}, []string{"user", "outcome"})`);
}

function goInstrument(name, raw) {
  const b = new SourceBuilder().add(`package ${name}

import (
	"net/http"
	"time"
)

// Instrument times every request of the ${name} service.
func Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)`);
  const line = `\t\trequestDuration.WithLabelValues(r.Method, ${raw ? 'r.URL.Path' : 'r.Pattern'}).Observe(time.Since(start).Seconds())`;
  // net/http hands over any method a client sends: reported at the httpMethod severity (info by default).
  const method = { ruleId: 'unbounded-label', label: 'method' };
  b.plant(line, raw ? [{ ruleId: 'raw-path-label', label: 'route' }, method] : method);
  b.add('\t})', '}');
  return b;
}

function goLogins(name, unbounded) {
  const b = new SourceBuilder().add(`package ${name}

import "github.com/gin-gonic/gin"

// CountLogin records the outcome of a login attempt.
func CountLogin(c *gin.Context, ok bool) {
	outcome := "failed"
	if ok {
		outcome = "ok"
	}`);
  const line = `\tloginAttempts.WithLabelValues(${unbounded ? 'c.Param("uid")' : '"member"'}, outcome).Inc()`;
  if (unbounded) b.plant(line, { ruleId: 'unbounded-label', label: 'user' });
  else b.add(line);
  b.add('}');
  return b;
}
