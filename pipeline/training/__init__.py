"""Building the project's trained models from its corpus: corpus readers and converters, and the trainers."""
