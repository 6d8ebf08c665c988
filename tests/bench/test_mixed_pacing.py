"""The mixed bench's writers keep their share of the requests the server answers (ospo_nl.bench.mixed)."""

from ospo_nl.bench.mixed import Reads


def test_reads_count_the_answered_gets_since_start_and_only_whole_lines(tmp_path):
    log = tmp_path / "access.log"
    log.write_text("GET /casussen/ 200 12 hit -\nPOST /casussen/vragen/ 302 130 - -\n")
    reads = Reads(str(log))
    reads.start()
    assert reads.since_start() == 0  # what was answered before the phase does not count
    with log.open("a") as f:
        f.write("GET /kennisbank/ 200 4 hit -\nGET /forum/ 200 6 - hit\nPOST /account/login/ 302 200 - -\nGET /zoe")
    assert reads.since_start() == 2  # the half-written last line waits for its end
    with log.open("a") as f:
        f.write("ken/?q=eupl 200 40 - -\n")
    assert reads.since_start() == 3



def test_rounds_of_a_phase_are_merged_over_their_requests_and_time():
    from ospo_nl.bench.mixed import RoleResult, _merged

    fast = RoleResult("mixed", "member", requests=2000, rps=200.0, p50=10.0, p95=20.0, p99=30.0, hit_rate=0.9,
                      errors=0)
    slow = RoleResult("mixed", "member", requests=1000, rps=100.0, p50=20.0, p95=40.0, p99=50.0, hit_rate=0.6,
                      errors=2)
    merged = _merged([fast, slow])
    assert (merged.phase, merged.role, merged.requests, merged.errors) == ("mixed", "member", 3000, 2)
    assert merged.rps == 150.0  # 3,000 requests in 20 s, not the mean of the two rates
    assert (merged.p50, merged.p95, merged.p99) == (15.0, 30.0, 40.0)
    assert merged.hit_rate == 0.8
