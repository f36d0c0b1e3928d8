from orgcheck.cli import run

run()
