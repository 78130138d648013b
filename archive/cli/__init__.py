"""The ``strongroom`` command: one module per group of commands over a shared bottom module."""
