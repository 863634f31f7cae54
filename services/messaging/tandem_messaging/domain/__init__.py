"""Pure messaging logic: no SQL, Kafka, HTTP or kit imports."""
