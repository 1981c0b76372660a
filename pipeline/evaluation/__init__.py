"""Scoring against gold (evaluate), checking files (validate), baselines and the benchmark commands."""
