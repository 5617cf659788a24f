"""`make bench`: the portal's speed at plan scale against a bare Django view (docs/performance.md)."""
