"""Records, statuses and rules: pure (no SQL, Kafka, HTTP or kit)."""
