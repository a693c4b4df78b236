"""`python -m hoinghi …`: the command line, also when the `hoinghi` script is not on the PATH."""

from hoinghi.cli import main

main(prog_name="hoinghi")
