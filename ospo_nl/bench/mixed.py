"""Mixed load: visitors and signed-in members read a spread of URLs at once while members write and sign in.

Two wrk processes run side by side on one gunicorn (2 sync workers), one per role, each picking a random path
per request from the same spread of at least 200 URLs (casus pages, casus lists and tag pages, forum topics,
articles, organisations, search) and counting the cache's answers (`X-Page-Cache` for visitors' whole pages,
`X-Shared-Page` for members' shared pages). First read-only, then the same with writer threads in this
process posting as members over HTTP: new casussen, comments and votes (a member), answers (an expert) and
sign-ins (a fresh session posting the login form, which checks the password), paced so that writes stay
`write_share` of the requests the server answers (counted from its access log as they happen), each kind its
part of them (WRITES). Answers, comments and votes go to open casussen, where members may post.
Rate limits are lifted for the benchmark's server only. Every run is bounded by `duration`.
"""

import os
import random
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from statistics import fmean

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from ospo_nl.bench import load, texts
from ospo_nl.bench.seed import MEMBER_EMAIL, PASSWORD

SPREAD = 240
# Each kind's part of the writes, as a Q&A site's day has them: votes most, then comments and answers, fewer
# new casussen, and a sign-in per casus (sessions last weeks). A new casus changes every list's filter counts.
WRITES = {"casus": 1, "answer": 2, "comment": 3, "vote": 4, "sign-in": 1}
CONNECTIONS_PER_ROLE = 8
# Read-only and mixed alternately, twice each, each phase summed over its rounds: on a shared machine whose speed
# moves between runs, one read-only phase against one mixed phase ten seconds later gave 44% in one run and 54% in
# the next for the same code.
PHASES = ("read-only", "mixed") * 2
# The benchmark's own server only: the writers post far faster than any member may, and the notification mails
# their writes send go nowhere (there is no mail server here: each failed delivery logged a traceback). Background
# work goes to the database queue and a worker beside the server, as in production (docker-compose.yml): with
# the immediate backend of development, every write sent its notification mails inside the request.
UNLIMITED = {"RATELIMITS": "post=1000000/h/member,1000000/h/new,1000000/h/ip;vote=1000000/h/member;"
                           "comment=1000000/h/member,1000000/h/new;report=1000000/h/member",
             "ACCOUNT_RATE_LIMITS": "login=1000000/m/ip;login_failed=1000000/m/key",
             "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
             "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}

LUA = r"""
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
hits, misses, threads = 0, 0, {}
function setup(thread) table.insert(threads, thread) end
function init(args) math.randomseed(os.time() + #threads * 7919) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function response(status, headers, body)
  local answer = headers["X-Page-Cache"] or headers["X-Shared-Page"]
  if answer == "hit" then hits = hits + 1 elseif answer == "miss" then misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m = 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, h, m,
    e.status + e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class RoleResult:
    phase: str
    role: str
    requests: int
    rps: float
    p50: float
    p95: float
    p99: float
    hit_rate: float
    errors: int

    def as_dict(self):
        return self.__dict__.copy()


@dataclass
class Writes:
    done: dict = field(default_factory=dict)
    failed: int = 0
    reasons: dict = field(default_factory=dict)  # "vote 200", "answer TimeoutError": what each failure answered
    latencies: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind, ok, seconds, reason=""):
        with self.lock:
            if ok:
                self.done[kind] = self.done.get(kind, 0) + 1
                self.latencies.append(seconds * 1000)
            else:
                self.failed += 1
                self.reasons[f"{kind} {reason}"] = self.reasons.get(f"{kind} {reason}", 0) + 1


def spread():
    """At least 200 paths a reader opens, in the mix a real day has."""
    Casus, Topic = apps.get_model("casussen", "Casus"), apps.get_model("forum", "Topic")
    Article, Organisation = apps.get_model("kennisbank", "Article"), apps.get_model("directory", "Organisation")
    Tag = apps.get_model("taggit", "Tag")
    public = Casus.objects.alive().filter(visibility="public").order_by("pk")
    paths = [c.get_absolute_url() for c in public.only("slug")[:100]]
    paths += [reverse("casussen:list"), reverse("casussen:unanswered")]
    paths += [reverse("casussen:list") + f"?pagina={n}" for n in range(2, 12)]
    paths += [reverse("casussen:by_tag", args=[slug]) for slug in Tag.objects.order_by("pk").values_list(
        "slug", flat=True)[:20]]
    paths += [t.get_absolute_url() for t in Topic.objects.alive().order_by("pk")[:40]]
    paths += [a.get_absolute_url() for a in Article.objects.published().select_related("section").order_by("pk")[:40]]
    paths += [o.get_absolute_url() for o in Organisation.objects.published().order_by("pk")[:20]]
    paths += [reverse("search") + f"?q={word}" for word in (texts.COMMON_WORD, texts.RARE_WORD)]
    paths += [reverse("home"), reverse("kennisbank:home"), reverse("forum:home")]
    return paths[:SPREAD]


class Session:
    """A browser's cookies, kept by hand: production cookies are Secure, which a cookie jar keeps off http."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def _send(self, request):
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = urllib.request.urlopen(request, timeout=30)  # noqa: S310 (our own loopback server)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or ():
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        response.read()
        return response.status if hasattr(response, "status") else response.code

    def get(self, path):
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path, data):
        token = self.cookies.get(settings.CSRF_COOKIE_NAME, "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        return self._send(urllib.request.Request(self.base + path, data=body, headers={
            "X-CSRFToken": token, "Referer": self.base + path,
            "Content-Type": "application/x-www-form-urlencoded"}))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 after a POST is the answer; the page it leads to is not part of the write


urllib.request.install_opener(urllib.request.build_opener(_NoRedirect))


def signed_in(base, email):
    session = Session(base)
    login = reverse("account_login")
    session.get(login)
    status = session.post(login, {"login": email, "password": PASSWORD})
    if status != 302:
        raise RuntimeError(f"signing in as {email} answered {status}")
    return session


class Reads:
    """The GET requests the server has answered since `start()`, counted from its access log: the writers keep
    their share of the requests the server really answers, however much the writes slow it down."""

    def __init__(self, path):
        self.path, self.count, self._offset, self._start = path, 0, 0, 0
        self._lock = threading.Lock()

    def _refresh(self):
        with open(self.path, "rb") as log:
            log.seek(self._offset)
            chunk = log.read()
        complete = chunk.rfind(b"\n") + 1
        self._offset += complete
        self.count += chunk[:complete].count(b"GET ")

    def start(self):
        with self._lock:
            self._refresh()
            self._start = self.count

    def since_start(self):
        with self._lock:
            self._refresh()
            return self.count - self._start


def _writer(kind, base, stop, writes, quota, targets, session):
    """Writes of `kind` while `stop` is not set, each once `quota()` (how many this kind may have made by now)
    allows one more."""
    rng = random.Random(hash(kind))
    n = 0
    while not stop.is_set():
        if n >= quota():
            stop.wait(0.05)
            continue
        n += 1
        started = time.perf_counter()
        try:
            slug, answer_id = rng.choice(targets)
            if kind == "casus":
                status = session.post(reverse("casussen:ask"), {
                    "title": f"Een casus uit de belasting, nummer {n}", "phase": "other", "visibility": "public",
                    "language": "nl", "tag_string": "licenties", "version": "",
                    "body": f"Welke licentie past bij ons project? Een vraag uit de belasting, nummer {n}."})
            elif kind == "answer":
                status = session.post(reverse("casussen:answer", args=[slug]),
                               {"body": f"Een antwoord uit de belasting, nummer {n}."})
            elif kind == "comment":
                status = session.post(reverse("casussen:comment", args=[slug]),
                               {"body": f"Een reactie uit de belasting, nummer {n}."})
            elif kind == "vote":
                status = session.post(reverse("casussen:vote", args=[slug, answer_id]),
                               {"value": rng.choice(["1", "0"])})
            else:
                signed_in(base, MEMBER_EMAIL)
                status = 302
            writes.record(kind, status == 302, time.perf_counter() - started, str(status))
        except Exception as error:  # noqa: BLE001 (a failed write is counted, the load goes on)
            writes.record(kind, False, time.perf_counter() - started, type(error).__name__)


def _wrk(base, script, paths_file, *, duration, cookie=None):
    command = ["wrk", "-t1", f"-c{CONNECTIONS_PER_ROLE}", f"-d{duration}s", "--timeout", "10s", "-s", script]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    return subprocess.Popen([*command, base + "/"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "BENCH_PATHS": paths_file})


def _result(phase, role, process, duration):
    out, err = process.communicate(timeout=duration + 60)
    match = re.search(r"^RESULT (.*)$", out, re.M)
    if match is None:
        raise RuntimeError(f"wrk gave no result: {out[-500:]} {err[-500:]}")
    requests, micros, p50, p95, p99, hits, misses, errors = match.group(1).split()
    seconds = int(micros) / 1e6
    answered = int(hits) + int(misses)
    return RoleResult(phase, role, int(requests), int(requests) / seconds, float(p50), float(p95), float(p99),
                      int(hits) / answered if answered else 0.0, int(errors))


def run_mixed(*, cookie, duration=10, write_share=0.06, stdout=None):
    """[RoleResult] for the read-only and the mixed phase, and the writes of the mixed one."""
    paths = spread()
    Answer = apps.get_model("casussen", "Answer")
    # Writes go to other casussen than the one the per-page rows measure (pk 1, exactly 20 answers).
    targets = [(a.casus.slug, a.pk) for a in Answer.objects.alive().filter(
               casus__visibility="public", casus__status__in=apps.get_model("casussen", "Casus").OPEN_STATUSES)
               .exclude(casus_id=1).select_related("casus").order_by("casus_id", "pk")[:200]]
    writes = Writes()
    with tempfile.TemporaryDirectory() as folder, load.worker(UNLIMITED), load.gunicorn(
            UNLIMITED, access_log=os.environ.get("BENCH_ACCESS_LOG") or os.path.join(folder, "access.log")) as base:
        reads = Reads(os.environ.get("BENCH_ACCESS_LOG") or os.path.join(folder, "access.log"))
        script, paths_file = os.path.join(folder, "spread.lua"), os.path.join(folder, "paths.txt")
        with open(script, "w") as f:
            f.write(LUA)
        with open(paths_file, "w") as f:
            f.write("\n".join(paths) + "\n")
        # Every path once per role first, as a day's readers would have: the read-only phase measures a warm
        # site, and the mixed phase what writes take away from it.
        member = Session(base)
        member.cookies.update(dict(part.split("=", 1) for part in cookie.split("; ")))
        for path in paths:
            Session(base).get(path)
            member.get(path)
        measured, writes_measured = {}, {}
        for phase in PHASES:
            stop = threads = None
            if phase == "mixed":
                # Each kind keeps its part (WRITES) of `write_share` of the requests, counted as they are answered.
                reads.start()
                per_read = write_share / (1 - write_share) / sum(WRITES.values())
                quotas = {kind: (lambda part=part, per_read=per_read: 1 + int(part * per_read * reads.since_start()))
                          for kind, part in WRITES.items()}
                stop = threading.Event()
                expert = (apps.get_model("directory", "Profile").objects.filter(is_expert=True).order_by("pk")
                          .values_list("user__email", flat=True).first())
                sessions = {"casus": signed_in(base, MEMBER_EMAIL), "answer": signed_in(base, expert),
                            "comment": signed_in(base, MEMBER_EMAIL), "vote": signed_in(base, MEMBER_EMAIL),
                            "sign-in": None}
                threads = [threading.Thread(target=_writer, args=(kind, base, stop, writes, quotas[kind], targets,
                                                                  sessions[kind]), daemon=True)
                           for kind in WRITES]
                for thread in threads:
                    thread.start()
            warm = [_wrk(base, script, paths_file, duration=2), _wrk(base, script, paths_file, duration=2,
                                                                     cookie=cookie)]
            for process in warm:
                process.communicate(timeout=60)
            started = {n: writes.done.get(n, 0) for n in WRITES}
            running = [("visitor", _wrk(base, script, paths_file, duration=duration)),
                       ("member", _wrk(base, script, paths_file, duration=duration, cookie=cookie))]
            for role, process in running:
                result = _result(phase, role, process, duration)
                measured.setdefault((phase, role), []).append(result)
                if stdout:
                    stdout.write(f"  {phase:<9} {role:<8} {result.rps:8.1f} req/s  p50 {result.p50:6.1f}  "
                                 f"p95 {result.p95:6.1f}  p99 {result.p99:6.1f} ms  hits {result.hit_rate:4.0%}"
                                 + (f"  {result.errors} errors" if result.errors else ""))
            if stop is not None:
                stop.set()
                for thread in threads:
                    thread.join(timeout=15)
                for n in started:
                    writes_measured[n] = writes_measured.get(n, 0) + writes.done.get(n, 0) - started[n]
        writes.done = writes_measured
        results = [_merged(rounds) for rounds in measured.values()]
    return results, writes


def _merged(rounds):
    """One RoleResult for the rounds of a phase and role: their requests over their time, the mean of their
    percentiles, the hit rate of all their answers."""
    requests = sum(r.requests for r in rounds)
    seconds = sum(r.requests / r.rps for r in rounds if r.rps)
    return RoleResult(rounds[0].phase, rounds[0].role, requests, requests / seconds if seconds else 0.0,
                      fmean(r.p50 for r in rounds), fmean(r.p95 for r in rounds), fmean(r.p99 for r in rounds),
                      sum(r.hit_rate * r.requests for r in rounds) / requests if requests else 0.0,
                      sum(r.errors for r in rounds))
