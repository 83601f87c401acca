"""Front-office devices (domain.md §9): each behind a small interface, with a simulator
for tests and demonstrations. Vendor libraries are imported lazily, only when a real
device is configured, so the rest of the application runs on any PC."""
