"""The chain of custody: the append-only event log, its Merkle tree and signed checkpoints."""
