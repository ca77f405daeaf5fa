"""studysift's extractor: cleaning, the spaCy pipeline and its components, record assembly."""

from extractor.cleaning import CleanedText, clean
from extractor.errors import InputError, InputTooLarge
from extractor.extract import extract
from extractor.pipeline import PIPELINE_VERSION, build, load

__all__ = ["PIPELINE_VERSION", "CleanedText", "InputError", "InputTooLarge", "build", "clean", "extract", "load"]
