"""One module per subcommand; ``orgcheck.cli`` imports each only when it is used."""

#: Shared by every command, so ``-h`` works whether a command runs under the group or alone
#: (click caches a command's help option the first time it is asked for).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
