"""Figure scripts: each measures one piece of work and prints `RESULT {json}` for run.py."""
