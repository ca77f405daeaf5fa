"""Training and evaluation scripts for the extraction components (run as ``python -m extractor.training.<script>``)."""
