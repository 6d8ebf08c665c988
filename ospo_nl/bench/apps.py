from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark (docs/performance.md): installed only when BENCH=1, never in production."""

    name = "ospo_nl.bench"
    label = "bench"
    verbose_name = "Benchmark"
