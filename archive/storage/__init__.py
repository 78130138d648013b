"""Where the bytes live: the vault header, the lock file, pack files, the slot map and the
encrypted object store, and the careful file writes they share."""
