from .cli import main

if __name__ == "__main__":  # not when a worker process (``--workers``) imports the main module
    main()
