"""``python -m textmine``: the same command line as the ``textmine`` script."""

from textmine.cli import main

if __name__ == "__main__":
    main()
