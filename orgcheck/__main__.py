from orgcheck.cli import main

main()
