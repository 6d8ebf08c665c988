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

