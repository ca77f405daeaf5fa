"""Training and evaluation scripts for the entity components (run as ``python -m extractor.training.<script>``)."""
