from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("long", max_examples=20000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


# Benchmarks and the fuzzer are scripts run by hand (they may need extras), not tests.
collect_ignore = ["fuzz.py", "bench_html.py", "bench_jobs.py", "bench_linear.py"]
collect_ignore += ["bench_spark.py", "bench_speed.py"]
# The integration modules import without their optional libraries (each fails on use
# instead), so the doctest run of boilerstrip/ needs no exceptions for them; the
# integration tests skip, with the extra to install, by pytest.importorskip.
