"""studysift: scraped research articles in, structured study records out."""

__version__ = "0.1.0"
